package org.hotcog.core.internal.dispatch;

/** How an interaction ended, as recorded in the command log and the metrics. */
enum Outcome {
    /** The handler answered. */
    OK,
    /** The handler refused with a message for the user (bad input, a rule, a permission). */
    REFUSED,
    /** Too soon after the last run; the handler was not called. */
    COOLDOWN,
    /** The handler threw. */
    FAILED,
    /** The handler did not finish in time; the user was told. */
    TIMEOUT,
    /** No handler, and none came back in time (a stopped module). */
    UNAVAILABLE,
    /** The module's queue was full. */
    BUSY
}
