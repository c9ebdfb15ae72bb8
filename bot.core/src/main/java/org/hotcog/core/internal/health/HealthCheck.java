package org.hotcog.core.internal.health;

import java.util.Map;

/**
 * One part of {@code /api/health}: the framework, the database, the Discord connection. The
 * service is healthy when every check is.
 */
public interface HealthCheck {
    /** Key of this part in the health answer, such as {@code database}. */
    String name();

    /** Looks now; must answer within a second or two and never throw. */
    Health check();

    /**
     * @param healthy whether this part works
     * @param details what an operator wants to see: state names, counts, latencies; never secrets
     */
    record Health(boolean healthy, Map<String, Object> details) {
    }
}
