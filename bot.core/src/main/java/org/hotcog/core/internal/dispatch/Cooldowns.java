package org.hotcog.core.internal.dispatch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.hotcog.core.internal.registry.Route;

/**
 * Declared cooldowns ({@code @Cooldown}) per user, guild or channel. Kept in memory: a restart
 * forgets them, and each process sharing a database keeps its own.
 */
final class Cooldowns {
    /** Cooldown key to the System.nanoTime() when it ends. */
    private final Map<String, Long> ends = new ConcurrentHashMap<>();

    /**
     * Starts the cooldown unless one is running.
     *
     * @return 0 when the run may go ahead, else the milliseconds left
     */
    long tryStart(Route route, Invocation invocation) {
        if (route.cooldown() == null) {
            return 0;
        }
        long now = System.nanoTime();
        long end = now + route.cooldown().toNanos();
        String key = key(route, invocation);
        long current = ends.merge(key, end, (old, fresh) -> old - now > 0 ? old : fresh);
        return current == end ? 0 : Math.max(1, (current - now) / 1_000_000);
    }

    /** Gives a run that did not happen (refused, failed) its cooldown back. */
    void cancel(Route route, Invocation invocation) {
        if (route.cooldown() != null) {
            ends.remove(key(route, invocation));
        }
    }

    /** Forgets ended cooldowns. */
    void purge() {
        long now = System.nanoTime();
        ends.values().removeIf(end -> end - now <= 0);
    }

    private static String key(Route route, Invocation invocation) {
        long scope = switch (route.cooldownScope()) {
            case USER -> invocation.event().getUser().getIdLong();
            case GUILD -> invocation.guildId();
            case CHANNEL -> invocation.channelId();
        };
        return route.module() + '/' + route.kind() + '/' + route.key() + '/' + route.cooldownScope() + '/' + scope;
    }
}
