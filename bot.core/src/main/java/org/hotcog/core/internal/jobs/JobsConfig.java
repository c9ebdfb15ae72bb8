package org.hotcog.core.internal.jobs;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How this process runs scheduled jobs. Every process sharing the database has its own. */
@ObjectClassDefinition(id = JobsConfig.PID, name = "Hotcog scheduled jobs")
public @interface JobsConfig {
    String PID = "org.hotcog.core.jobs";

    @AttributeDefinition(name = "Threads", description = "Jobs this process runs at once, across all modules.")
    int threads() default 4;

    @AttributeDefinition(name = "Poll interval (s)", description = "How often to look for jobs scheduled by other "
            + "processes; jobs scheduled by this process wake it up on their own.")
    int pollSeconds() default 5;

    @AttributeDefinition(name = "Lease (s)", description = "How long a job stays with a process that stops renewing "
            + "it (because it died) before another process may run it.")
    int leaseSeconds() default 60;
}
