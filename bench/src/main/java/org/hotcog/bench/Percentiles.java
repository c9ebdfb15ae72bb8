package org.hotcog.bench;

/** The one way the benchmarks read percentiles off their samples. */
final class Percentiles {
    private Percentiles() {
    }

    /** The nearest-rank percentile {@code p} (0 to 1) of samples sorted in ascending order; not empty. */
    static long nearestRank(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }
}
