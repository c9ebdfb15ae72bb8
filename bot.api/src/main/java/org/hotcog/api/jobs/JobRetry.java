package org.hotcog.api.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * How a {@link JobHandler}'s failed runs are retried; without it, 5 attempts starting 30 s apart.
 * The delay doubles after each failure, up to one hour.
 *
 * <p>A one-off job that fails its last attempt is given up: it stays in the database with its
 * last error (logged), runs no more, and {@link Jobs#due} no longer reports it; scheduling its key
 * again starts afresh. A repeating job is never given up: after its last attempt it waits for its
 * next regular time.
 *
 * {@snippet :
 * @Component
 * @JobKind("unban")
 * @JobRetry(attempts = 10, delaySeconds = 60)
 * public final class UnbanJob implements JobHandler { ... }
 * }
 *
 * <p>Service properties {@code hotcog.job.retry.attempts} and {@code hotcog.job.retry.delaySeconds}
 * (int).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JobRetry {
    /** Prefix of the service property names. */
    String PREFIX_ = "hotcog.job.retry.";

    /** Attempts per run, the first one included; 1 means never retry. */
    int attempts() default 5;

    /** Seconds before the first retry; each further retry waits twice as long as the one before. */
    int delaySeconds() default 30;
}
