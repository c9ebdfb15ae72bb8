package org.hotcog.core.internal.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API token: {@code rate} requests a second on average, bursts of up to twice
 * as many. Refilled lazily on each request, so an idle token costs nothing.
 */
final class RateLimiter {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * Takes one request from the token's bucket.
     *
     * @return 0 when the request may go ahead, otherwise the whole seconds to wait before retrying
     */
    long acquire(String tokenId, int rate, long nowNanos) {
        double capacity = 2.0 * rate;
        Bucket bucket = buckets.computeIfAbsent(tokenId, id -> new Bucket(capacity, nowNanos));
        synchronized (bucket) {
            bucket.tokens = Math.min(capacity,
                    bucket.tokens + (nowNanos - bucket.refilledAt) * (double) rate / NANOS_PER_SECOND);
            bucket.refilledAt = nowNanos;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / rate);
        }
    }

    void forget(String tokenId) {
        buckets.remove(tokenId);
    }
}
