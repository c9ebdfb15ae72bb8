package org.hotcog.api.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs the jobs of one kind for the module that registers it. Register it as a component with
 * {@link JobKind}; one handler per kind and module (a second one is refused with a log line).
 *
 * <p>Runs on the core's job threads, never on JDA's, one job at a time per call; several jobs may
 * run at once on different threads. Keep a run short (seconds): while it runs, the core keeps the
 * job leased to this process, and the module's stop waits for it to finish.
 *
 * <p>Returning normally completes the run: a one-off job is deleted, a repeating one is scheduled
 * for its next time. Throwing fails it: the core logs the failure and tries again later, as the
 * handler's {@link JobRetry} says. Since a run can be retried (also when a process dies in the
 * middle of it), make it safe to run twice: lifting a ban that is already lifted is fine.
 */
@ConsumerType
@FunctionalInterface
public interface JobHandler {
    /** Service property naming the kind this handler runs; {@link JobKind} sets it. */
    String KIND_PROPERTY = "hotcog.job.kind";

    void run(Job job) throws Exception;
}
