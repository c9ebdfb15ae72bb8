package org.hotcog.emulator.pterodactyl.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One API key: a client key sees the servers granted to it; an application key sees the nodes. The rate-limit
 * window is the panel's: a fixed window opened by the first request, counting up to the limit.
 */
final class ApiKey {
    enum Kind { CLIENT, APPLICATION }

    final String secret;
    final Kind kind;
    final Set<String> servers = ConcurrentHashMap.newKeySet();
    final AtomicLong requests = new AtomicLong();
    volatile boolean revoked;
    private long windowStart;
    private int used;

    ApiKey(String secret, Kind kind) {
        this.secret = secret;
        this.kind = kind;
    }

    /**
     * Counts a request against the limit.
     *
     * @return the milliseconds until the window resets when the limit is used up, else -1 and the request counts
     */
    synchronized long take(int limit, long windowMillis, long now) {
        if (now - windowStart >= windowMillis) {
            windowStart = now;
            used = 0;
        }
        if (used >= limit) {
            return windowStart + windowMillis - now;
        }
        used++;
        return -1;
    }

    synchronized int remaining(int limit) {
        return Math.max(0, limit - used);
    }
}
