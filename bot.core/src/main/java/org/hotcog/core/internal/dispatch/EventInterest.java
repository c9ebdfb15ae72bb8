package org.hotcog.core.internal.dispatch;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.GenericEvent;
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
 * system user: those are mostly the bot's own answers, one for each interaction it answers.
 */
record EventInterest(List<Class<?>> types, boolean peopleOnly) {
    private static final List<Class<?>> EVERY_EVENT = List.of(GenericEvent.class);

    static EventInterest of(EventListener listener, boolean peopleOnly) {
        return new EventInterest(typesHandledBy(listener), peopleOnly);
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
        return accepts(event.getClass()) && !(peopleOnly && fromNoPerson(event));
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
