package org.hotcog.itest.framework;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;

import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.JobKind;
import org.hotcog.api.jobs.JobRetry;
import org.osgi.service.component.annotations.Component;

/**
 * The test module's handler of {@value #KIND} jobs, as a cog would write one: records every run by
 * key. A job whose data holds {@code fail} = n fails its first n attempts ({@code always}: every one).
 */
@Component(service = { JobHandler.class, JobRecorder.class })
@JobKind(JobRecorder.KIND)
@JobRetry(attempts = 3, delaySeconds = 1)
public final class JobRecorder implements JobHandler {
    static final String KIND = "itest.recorded";

    /** A run and when it started. */
    record Run(Job job, Instant at) {
    }

    private final Map<String, BlockingQueue<Run>> runs = new ConcurrentHashMap<>();

    @Override
    public void run(Job job) {
        runs(job.key()).add(new Run(job, Instant.now()));
        String fail = job.data().getOrDefault("fail", "0");
        if (fail.equals("always") || job.attempt() <= Integer.parseInt(fail)) {
            throw new IllegalStateException("attempt " + job.attempt() + " of " + job.key() + " fails on purpose");
        }
    }

    /** The runs of a key so far, in order; take from it to wait for the next. */
    BlockingQueue<Run> runs(String key) {
        return runs.computeIfAbsent(key, k -> new LinkedBlockingQueue<>());
    }
}
