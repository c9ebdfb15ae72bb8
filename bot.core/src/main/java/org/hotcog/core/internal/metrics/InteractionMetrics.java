package org.hotcog.core.internal.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Component;

/**
 * Counts interactions by module, command and outcome, and their latency by module, in memory,
 * for {@code /api/metrics}. Recording is a few lock-free additions: it runs once per interaction.
 */
@Component(service = InteractionMetrics.class)
public final class InteractionMetrics {
    /** Upper bounds of the latency buckets, in seconds, as Prometheus histograms write them. */
    static final double[] BUCKETS = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };

    /** What the counters are kept by. */
    public record Key(String module, String command, String outcome) {
    }

    /** A latency histogram: counts per bucket (not cumulative), the count and the sum in milliseconds. */
    public static final class Histogram {
        final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final LongAdder sumMillis = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void add(long millis) {
            count.increment();
            sumMillis.add(millis);
            double seconds = millis / 1000.0;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    return;
                }
            }
        }
    }

    /** More distinct series than this would make every scrape heavy; the rest count as "other". */
    static final int MAX_SERIES = 1000;

    private final Map<Key, LongAdder> interactions = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latency = new ConcurrentHashMap<>();

    /**
     * @param label the command log's label: {@code /eco give}, or {@code button tickets:open:3},
     *     whose custom id is cut after its first {@code :} so that ids of single tickets or
     *     messages do not each become a series
     */
    public void record(String module, String label, String outcome, long latencyMillis) {
        Key key = new Key(module, bounded(label), outcome);
        LongAdder counter = interactions.get(key);
        if (counter == null) {
            counter = interactions.size() < MAX_SERIES ? interactions.computeIfAbsent(key, k -> new LongAdder())
                    : interactions.computeIfAbsent(new Key(module, "other", outcome), k -> new LongAdder());
        }
        counter.increment();
        latency.computeIfAbsent(module, m -> new Histogram()).add(latencyMillis);
    }

    static String bounded(String label) {
        if (label.startsWith("/")) {
            return label;
        }
        int colon = label.indexOf(':');
        return colon < 0 ? label : label.substring(0, colon + 1);
    }

    Map<Key, LongAdder> interactions() {
        return interactions;
    }

    Map<String, Histogram> latency() {
        return latency;
    }
}
