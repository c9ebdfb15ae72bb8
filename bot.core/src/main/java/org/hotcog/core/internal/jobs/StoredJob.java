package org.hotcog.core.internal.jobs;

/**
 * A job as read from {@code hotcog_job} when it was claimed.
 *
 * @param repeatMillis 0 for a one-off job
 * @param attempts failed attempts of the current run so far
 */
record StoredJob(long id, ModuleKind type, String key, String payload, long dueAt, long repeatMillis,
        int attempts) {
    boolean repeating() {
        return repeatMillis > 0;
    }

    /** The first time on the job's grid that is after {@code now}. */
    long nextOnGrid(long now) {
        long periods = Math.max(1, (now - dueAt) / repeatMillis + 1);
        return dueAt + periods * repeatMillis;
    }
}
