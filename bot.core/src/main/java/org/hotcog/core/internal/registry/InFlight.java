package org.hotcog.core.internal.registry;

/**
 * Counts the interactions (or jobs) a handler is running, so that when its bundle stops the stop waits
 * for them to finish instead of cutting them off.
 */
public final class InFlight {
    private int running;

    public synchronized void enter() {
        running++;
    }

    public synchronized void exit() {
        running--;
        if (running == 0) {
            notifyAll();
        }
    }

    /** Waits until nothing runs, at most {@code millis}; true if it drained. */
    public synchronized boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (running > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    public synchronized int running() {
        return running;
    }
}
