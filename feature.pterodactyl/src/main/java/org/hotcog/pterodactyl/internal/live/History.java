package org.hotcog.pterodactyl.internal.live;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;

/** A server's CPU and memory over a sliding window, from its stats; thread-safe. */
public final class History {
    /**
     * @param cpu in percent of the server's CPU limit
     */
    public record Sample(long atMillis, double cpu, long memoryBytes) {
    }

    private final long windowMillis;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    public History(Duration window) {
        this.windowMillis = window.toMillis();
    }

    public synchronized void add(long atMillis, double cpu, long memoryBytes) {
        samples.addLast(new Sample(atMillis, cpu, memoryBytes));
        while (!samples.isEmpty() && samples.peekFirst().atMillis() < atMillis - windowMillis) {
            samples.removeFirst();
        }
    }

    /** The samples within the window, oldest first. */
    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    public Duration window() {
        return Duration.ofMillis(windowMillis);
    }
}
