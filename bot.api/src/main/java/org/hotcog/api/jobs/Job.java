package org.hotcog.api.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * One run of a scheduled job, as its {@link JobHandler} receives it.
 *
 * @param kind what the job does, as scheduled; the handler's {@link JobKind}
 * @param key which one of its kind, as scheduled
 * @param data the small payload given when it was scheduled; empty if none
 * @param due when the run was due; it may be late (the module was stopped, or a run is retried)
 * @param attempt 1 for the first try of this run, 2 for its first retry, and so on
 */
public record Job(String kind, String key, Map<String, String> data, Instant due, int attempt) {
    public Job {
        data = Map.copyOf(data);
    }
}
