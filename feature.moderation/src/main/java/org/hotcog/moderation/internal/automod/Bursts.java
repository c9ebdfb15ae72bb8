package org.hotcog.moderation.internal.automod;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what happens within a sliding time window, per key: a member's messages for the spam
 * rule, a guild's joins for the raid guard. In memory: a guild's events all arrive at the one
 * process that runs its shard. Keys whose events all left the window are swept now and then.
 *
 * @param <K> what is counted per (a guild and member, a guild)
 * @param <V> what a burst returns (a message, a joining member)
 */
final class Bursts<K, V> {
    private record At<V>(V value, long atMillis) {
    }

    private final Map<K, Deque<At<V>>> recent = new ConcurrentHashMap<>();

    /**
     * Counts an event; when {@code limit} events happened within the window, returns them (this one
     * included) and starts counting afresh.
     *
     * @return the burst's values, oldest first, or an empty list
     */
    List<V> record(K key, V value, long nowMillis, int limit, int windowSeconds) {
        long since = nowMillis - windowSeconds * 1000L;
        Deque<At<V>> events = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (events) {
            while (!events.isEmpty() && events.peekFirst().atMillis() < since) {
                events.pollFirst();
            }
            events.addLast(new At<>(value, nowMillis));
            if (events.size() < limit) {
                return List.of();
            }
            List<V> burst = events.stream().map(At::value).toList();
            events.clear();
            return burst;
        }
    }

    /** Forgets the keys whose last event is older than {@code millis}. */
    void forgetOlderThan(long millis) {
        recent.entrySet().removeIf(entry -> {
            Deque<At<V>> events = entry.getValue();
            synchronized (events) {
                return events.isEmpty() || events.peekLast().atMillis() < millis;
            }
        });
    }
}
