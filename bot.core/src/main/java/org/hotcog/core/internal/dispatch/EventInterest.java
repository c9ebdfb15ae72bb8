package org.hotcog.core.internal.dispatch;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import org.hotcog.api.gateway.ChannelScoped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.channel.GenericChannelEvent;
import net.dv8tion.jda.api.events.message.GenericMessageEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * The gateway events a listener can act on. A {@link ListenerAdapter} ignores every event whose
 * {@code on…} method it does not override, so handing it such an event only wakes its thread for
 * nothing: with a few modules that is several thread wake-ups for each message the bot itself
 * sends, each competing for a core with the interactions being answered. A listener that overrides
 * {@code onEvent} or {@code onGenericEvent}, or is not a ListenerAdapter, gets every event. A
 * listener marked {@code @PeopleOnly} is not handed messages from bots, webhooks or Discord's
 * system user: those are mostly the bot's own answers, one for each interaction it answers. A
 * {@link ChannelScoped} listener is handed only the events of the channels it watches.
 */
record EventInterest(List<Class<?>> types, boolean peopleOnly, ChannelScoped scope) {
    private static final Logger LOG = LoggerFactory.getLogger(EventInterest.class);
    private static final List<Class<?>> EVERY_EVENT = List.of(GenericEvent.class);

    static EventInterest of(EventListener listener, boolean peopleOnly) {
        return new EventInterest(typesHandledBy(listener), peopleOnly,
                listener instanceof ChannelScoped scoped ? scoped : null);
    }

    private static List<Class<?>> typesHandledBy(EventListener listener) {
        if (!(listener instanceof ListenerAdapter)) {
            return EVERY_EVENT;
        }
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> type = listener.getClass(); type != ListenerAdapter.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (isEventHandler(method)) {
                    types.add(method.getParameterTypes()[0]);
                }
            }
        }
        if (types.contains(GenericEvent.class)) {
            return EVERY_EVENT; // onEvent or onGenericEvent
        }
        return List.copyOf(types);
    }

    /** An override of one of ListenerAdapter's {@code on…(SomeEvent)} methods, not a helper of the listener's own. */
    private static boolean isEventHandler(Method method) {
        if (method.getParameterCount() != 1 || !GenericEvent.class.isAssignableFrom(method.getParameterTypes()[0])) {
            return false;
        }
        try {
            ListenerAdapter.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    boolean accepts(GenericEvent event) {
        return accepts(event.getClass()) && !(peopleOnly && fromNoPerson(event)) && watches(channelOf(event));
    }

    /** The channel an event is of, for a {@link ChannelScoped} listener; empty for other events. */
    static OptionalLong channelOf(GenericEvent event) {
        if (event instanceof GenericMessageEvent message) {
            return OptionalLong.of(message.getChannel().getIdLong());
        }
        if (event instanceof MessageBulkDeleteEvent bulk) {
            return OptionalLong.of(bulk.getChannel().getIdLong());
        }
        if (event instanceof GenericChannelEvent channel) {
            return OptionalLong.of(channel.getChannel().getIdLong());
        }
        return OptionalLong.empty();
    }

    /** Whether the listener watches the channel; yes for an event of no channel, and when its answer fails. */
    boolean watches(OptionalLong channel) {
        if (scope == null || channel.isEmpty()) {
            return true;
        }
        try {
            return scope.watches(channel.getAsLong());
        } catch (RuntimeException e) {
            LOG.warn("{} could not say whether it watches channel {}; handed the event", scope.getClass().getName(),
                    channel.getAsLong(), e);
            return true;
        }
    }

    private static boolean fromNoPerson(GenericEvent event) {
        if (event instanceof MessageReceivedEvent received) {
            return received.isWebhookMessage() || isNoPerson(received.getAuthor());
        }
        return event instanceof MessageUpdateEvent updated && isNoPerson(updated.getAuthor());
    }

    private static boolean isNoPerson(User author) {
        return author.isBot() || author.isSystem();
    }

    boolean accepts(Class<? extends GenericEvent> eventType) {
        for (Class<?> type : types) {
            if (type.isAssignableFrom(eventType)) {
                return true;
            }
        }
        return false;
    }
}
