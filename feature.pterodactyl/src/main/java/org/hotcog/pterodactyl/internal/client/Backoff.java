package org.hotcog.pterodactyl.internal.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, so that clients that failed together do not all come back at once. */
final class Backoff {
    private Backoff() {
    }

    /**
     * @param attempt 0 for the first retry
     * @return {@code base * 2^attempt}, at most {@code max}, then between 80 and 120 percent of that
     */
    static Duration delay(int attempt, Duration base, Duration max) {
        long millis = Math.min(max.toMillis(), base.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis((long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.2)));
    }
}
