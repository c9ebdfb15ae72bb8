package org.hotcog.core.internal.dispatch;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The whiteboard of gateway event listeners that feature bundles register as JDA
 * {@link EventListener} services. Each listener gets the events in order, on a thread of its own
 * (one single-thread executor per listener), so a slow listener delays only itself and never
 * JDA's gateway thread; it gets only the events it can act on ({@link EventInterest}). The gateway
 * intents of the connection are the union of what the listeners declare ({@code @GatewayIntents}).
 */
@Component(service = GatewayListeners.class)
public final class GatewayListeners {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayListeners.class);

    private final Map<EventListener, Delivery> deliveries = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Set<GatewayIntent>>> intentWatchers = new CopyOnWriteArrayList<>();

    private record Delivery(String name, ExecutorService executor, Set<GatewayIntent> intents,
            EventInterest interest) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindListener(EventListener listener, ServiceReference<EventListener> ref) {
        ExecutorService thread = Executors.newSingleThreadExecutor(
                Dispatcher.Threads.named("hotcog-events-" + listener.getClass().getSimpleName()));
        boolean peopleOnly = Boolean.parseBoolean(String.valueOf(ref.getProperty("hotcog.people.only")));
        deliveries.put(listener, new Delivery(listener.getClass().getName(), thread, intents(ref),
                EventInterest.of(listener, peopleOnly)));
        Set<GatewayIntent> union = intents();
        intentWatchers.forEach(watcher -> watcher.accept(union));
    }

    void unbindListener(EventListener listener) {
        Delivery delivery = deliveries.remove(listener);
        if (delivery != null) {
            // Let the events already handed over finish, so the listener's bundle stops cleanly.
            delivery.executor().shutdown();
            try {
                delivery.executor().awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Deactivate
    void deactivate() {
        deliveries.values().forEach(d -> d.executor().shutdownNow());
    }

    /** Hands an event to every listener that acts on it. Called on JDA's gateway thread: it never blocks. */
    void deliver(GenericEvent event) {
        deliveries.forEach((listener, delivery) -> {
            if (delivery.interest().accepts(event)) {
                delivery.executor().execute(() -> {
                    try {
                        listener.onEvent(event);
                    } catch (RuntimeException e) {
                        LOG.error("Event listener {} failed on {}", delivery.name(), event.getClass().getSimpleName(),
                                e);
                    }
                });
            }
        });
    }

    /** The intents every listener needs together. */
    public Set<GatewayIntent> intents() {
        Set<GatewayIntent> union = EnumSet.noneOf(GatewayIntent.class);
        deliveries.values().forEach(d -> union.addAll(d.intents()));
        return union;
    }

    /** Called with the new union each time a listener arrives, so the connection can widen its intents. */
    public void watchIntents(Consumer<Set<GatewayIntent>> watcher) {
        intentWatchers.add(watcher);
    }

    public void unwatchIntents(Consumer<Set<GatewayIntent>> watcher) {
        intentWatchers.remove(watcher);
    }

    private static Set<GatewayIntent> intents(ServiceReference<?> ref) {
        Set<GatewayIntent> intents = EnumSet.noneOf(GatewayIntent.class);
        Object value = ref.getProperty("hotcog.gateway.intents");
        Object[] names = value instanceof Object[] array ? array : value == null ? new Object[0] : new Object[] { value };
        for (Object name : names) {
            try {
                intents.add(GatewayIntent.valueOf(name.toString()));
            } catch (IllegalArgumentException e) {
                LOG.warn("Unknown gateway intent {} declared by {}", name, ref);
            }
        }
        return intents;
    }
}
