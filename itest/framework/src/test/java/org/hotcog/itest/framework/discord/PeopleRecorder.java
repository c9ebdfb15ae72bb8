package org.hotcog.itest.framework.discord;

import org.hotcog.api.gateway.GatewayIntents;
import org.hotcog.api.gateway.PeopleOnly;
import org.osgi.service.component.annotations.Component;

import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;

/** A message listener that wants only what people write, as an XP counter does. */
@Component(service = { EventListener.class, PeopleRecorder.class })
@GatewayIntents({ GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT })
@PeopleOnly
public final class PeopleRecorder extends MessageRecorder {
}
