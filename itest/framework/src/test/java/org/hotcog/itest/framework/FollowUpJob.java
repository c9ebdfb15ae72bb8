package org.hotcog.itest.framework;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.JobKind;
import org.hotcog.api.jobs.Jobs;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The test module's handler of {@value #KIND} jobs that needs the {@link Jobs} service itself, as a handler that
 * schedules follow-ups does (the tickets' reminders): its activation needs the scheduler that runs it. Records the key
 * of every run.
 */
@Component(service = { JobHandler.class, FollowUpJob.class })
@JobKind(FollowUpJob.KIND)
public final class FollowUpJob implements JobHandler {
    static final String KIND = "itest.follow-up";

    private final BlockingQueue<String> runs = new LinkedBlockingQueue<>();

    @Activate
    public FollowUpJob(@Reference Jobs jobs) {
        // Only its presence matters: a follow-up would be scheduled with it.
    }

    @Override
    public void run(Job job) {
        runs.add(job.key());
    }

    BlockingQueue<String> runs() {
        return runs;
    }
}
