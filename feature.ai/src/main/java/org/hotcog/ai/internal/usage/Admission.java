package org.hotcog.ai.internal.usage;

import java.time.Instant;

/** Whether a call may go to the provider. */
public sealed interface Admission {

    /**
     * The call may go; its usage row is written (pending) and must be finished.
     *
     * @param usageId the usage row to finish after the call
     */
    record Admitted(long usageId) implements Admission {
    }

    /**
     * A quota is reached; nothing was written.
     *
     * @param scope whose quota: the member's or the guild's
     * @param window the hour or the day
     * @param measure requests or tokens
     * @param limit the limit reached
     * @param resetsAt when a call would be admitted again, as far as this quota goes
     */
    record Refused(Scope scope, Window window, Measure measure, long limit, Instant resetsAt) implements Admission {
    }

    /** Whose quota. */
    enum Scope { MEMBER, GUILD }

    /** Which rolling window. */
    enum Window {
        /** Any 60 minutes. */
        HOUR(java.time.Duration.ofHours(1)),
        /** Any 24 hours. */
        DAY(java.time.Duration.ofDays(1));

        private final java.time.Duration length;

        Window(java.time.Duration length) {
            this.length = length;
        }

        /** How long the window is. */
        public java.time.Duration length() {
            return length;
        }
    }

    /** What is counted. */
    enum Measure { REQUESTS, TOKENS }
}
