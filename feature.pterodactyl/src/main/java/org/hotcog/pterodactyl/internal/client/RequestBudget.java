package org.hotcog.pterodactyl.internal.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The client's side of the panel's rate limit: at most {@code limit} requests in any window (a sliding window, so
 * that it stays within the panel's fixed one however the two line up), and nothing at all while the panel has
 * asked to wait after a 429.
 */
final class RequestBudget {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;

    RequestBudget(int limit, Duration window, Clock clock) {
        if (limit < 1) {
            throw new IllegalArgumentException("a request budget allows at least one request");
        }
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Takes a request from the budget, waiting for one to come free.
     *
     * @param maxWait the longest the caller may wait
     * @throws PanelException.RateLimited when the wait would be longer
     * @throws InterruptedException when interrupted while waiting
     */
    void acquire(Duration maxWait) throws InterruptedException {
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
                    sent.removeFirst();
                }
                Instant free = pausedUntil.isAfter(now) ? pausedUntil : now;
                if (sent.size() >= limit) {
                    Instant slot = sent.peekFirst().plus(window);
                    free = slot.isAfter(free) ? slot : free;
                }
                if (!free.isAfter(now)) {
                    sent.addLast(now);
                    return;
                }
                if (free.isAfter(deadline)) {
                    throw new PanelException.RateLimited("the panel's rate limit of " + limit + " requests per "
                            + window.toSeconds() + " s is used up", Duration.between(now, free));
                }
                wait = Duration.between(now, free);
            }
            Thread.sleep(Math.max(1, wait.toMillis()));
        }
    }

    /** Holds every request back until the time the panel named in a 429's Retry-After. */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Requests taken within the current window. */
    synchronized int used() {
        Instant now = clock.instant();
        return (int) sent.stream().filter(at -> at.plus(window).isAfter(now)).count();
    }
}
