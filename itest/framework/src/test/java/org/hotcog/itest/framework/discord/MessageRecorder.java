package org.hotcog.itest.framework.discord;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotcog.api.gateway.GatewayIntents;
import org.osgi.service.component.annotations.Component;

import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;

/** A gateway listener as a feature registers one: it needs message content, so it says so. */
@Component(service = { EventListener.class, MessageRecorder.class })
@GatewayIntents({ GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT })
public class MessageRecorder extends ListenerAdapter {
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public final void onMessageReceived(MessageReceivedEvent event) {
        seen.add(event.getAuthor().getName() + ": " + event.getMessage().getContentRaw() + " on "
                + Thread.currentThread().getName());
    }

    final List<String> seen() {
        return seen;
    }
}
