package org.hotcog.core.internal.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST method whose work records its own, more telling, audit entries (the module manager's
 * "update x 1.0.0 to 1.1.0: rolled-back ..."), so the request itself is not recorded again.
 * Requests it refuses for want of a role are still recorded by {@link AuditRecorder}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SelfAudited {
}
