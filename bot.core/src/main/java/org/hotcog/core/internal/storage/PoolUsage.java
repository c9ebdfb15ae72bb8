package org.hotcog.core.internal.storage;

/** How busy the connection pool is, for {@code /api/metrics}. */
public interface PoolUsage {
    /** Connections lent out right now. */
    int active();

    /** Connections open and waiting to be lent. */
    int idle();

    /** Callers waiting for a connection. */
    int waiting();

    /** The most connections the pool opens. */
    int maximum();
}
