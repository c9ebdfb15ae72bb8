package org.hotcog.core.internal.jobs;

import org.hotcog.api.jobs.JobRetry;
import org.osgi.framework.ServiceReference;

/** A handler's {@link JobRetry}, read from its service properties. */
record RetryPolicy(int attempts, long delayMillis) {
    static final long MAX_DELAY_MILLIS = 3_600_000;

    static RetryPolicy of(ServiceReference<?> handler) {
        return new RetryPolicy(positive(handler.getProperty("hotcog.job.retry.attempts"), 5),
                positive(handler.getProperty("hotcog.job.retry.delaySeconds"), 30) * 1000L);
    }

    /** Whether a run that has now failed {@code failures} times may be tried again. */
    boolean retries(int failures) {
        return failures < attempts;
    }

    /** The wait before the next try after the {@code failures}-th failure: doubling, capped at an hour. */
    long delayAfter(int failures) {
        long delay = delayMillis;
        for (int i = 1; i < failures && delay < MAX_DELAY_MILLIS; i++) {
            delay *= 2;
        }
        return Math.min(MAX_DELAY_MILLIS, delay);
    }

    private static int positive(Object value, int fallback) {
        return value instanceof Number n && n.intValue() > 0 ? n.intValue() : fallback;
    }
}
