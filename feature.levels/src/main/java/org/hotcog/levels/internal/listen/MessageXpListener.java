package org.hotcog.levels.internal.listen;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.hotcog.api.gateway.GatewayIntents;
import org.hotcog.api.gateway.PeopleOnly;
import org.hotcog.levels.internal.rewards.LevelUps;
import org.hotcog.levels.internal.settings.SettingsStore;
import org.hotcog.levels.internal.xp.XpStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * XP for talking: a message in a server gives its author 15 to 25 XP, each as likely, at most once
 * per cooldown. Bots, webhooks and system messages earn nothing. Reads no message content, so it
 * needs no privileged intent.
 */
@Component(service = EventListener.class)
@GatewayIntents({ GatewayIntent.GUILD_MESSAGES })
@PeopleOnly
public final class MessageXpListener extends ListenerAdapter {
    static final int MIN_XP = 15;
    static final int MAX_XP = 25;

    private final XpStore store;
    private final SettingsStore settings;
    private final LevelUps levelUps;

    @Activate
    public MessageXpListener(@Reference XpStore store, @Reference SettingsStore settings,
            @Reference LevelUps levelUps) {
        this.store = store;
        this.settings = settings;
        this.levelUps = levelUps;
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        if (!event.isFromGuild() || event.getMember() == null) {
            return;
        }
        Member member = event.getMember();
        int xp = ThreadLocalRandom.current().nextInt(MIN_XP, MAX_XP + 1);
        store.addForMessage(event.getGuild().getIdLong(), member.getIdLong(), xp,
                settings.get(event.getGuild().getIdLong()).cooldown(), Instant.now())
                .filter(XpStore.Gain::levelledUp)
                .ifPresent(gain -> levelUps.levelledUp(member, gain, event.getGuildChannel()));
    }
}
