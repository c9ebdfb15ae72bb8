package org.hotcog.core.internal.dispatch;

import org.hotcog.core.internal.registry.Route;

import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * One interaction on its way to a handler: the event, its answers so far, and what the command
 * log needs.
 *
 * @param key the command name, or the component's or modal's custom id
 * @param label how the log shows it: {@code /eco give}, {@code button tickets:open:3}
 * @param receivedNanos when the event arrived from the gateway
 * @param handOff the flight-recorder event timing the dispatcher's own work
 */
record Invocation(Route.Kind kind, String key, String label, GenericInteractionCreateEvent event,
        IReplyCallback callback, ReplyState reply, String correlationId, long receivedNanos, HandOffEvent handOff) {

    /** The component whose message a deferral should update, or null for commands and modals from commands. */
    IMessageEditCallback componentOrNull() {
        return kind == Route.Kind.COMPONENT ? (IMessageEditCallback) event : null;
    }

    long guildId() {
        return event.getGuild() == null ? 0 : event.getGuild().getIdLong();
    }

    long channelId() {
        return event.getChannel() == null ? 0 : event.getChannel().getIdLong();
    }
}
