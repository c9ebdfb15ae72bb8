package org.hotcog.api.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The kind of job a {@link JobHandler} component runs. Kinds belong to a module: two modules may
 * both have an {@code "expire"} kind, each running its own jobs. Service property
 * {@value JobHandler#KIND_PROPERTY}.
 *
 * {@snippet :
 * @Component
 * @JobKind("auto-close")
 * public final class AutoCloseJob implements JobHandler { ... }
 * }
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface JobKind {
    /** Prefix of the service property name. */
    String PREFIX_ = "hotcog.";

    /**
     * The kind: 1 to 64 characters, lower-case letters, digits, {@code .}, {@code -} and
     * {@code _}, as {@link Jobs#schedule} accepts it.
     */
    String value();
}
