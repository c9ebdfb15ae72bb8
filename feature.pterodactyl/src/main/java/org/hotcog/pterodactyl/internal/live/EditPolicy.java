package org.hotcog.pterodactyl.internal.live;

import java.time.Duration;

/**
 * When a live status message is edited: when the server's state changed, its CPU moved more than the threshold, or
 * the forced interval passed since the last edit; and never sooner than the least interval after the last edit.
 *
 * @param cpuThreshold in percent of the server's CPU limit
 */
public record EditPolicy(double cpuThreshold, Duration forcedInterval, Duration minInterval) {
    /** Discord's edits of one message are rate limited; this keeps far within it. */
    public static final Duration LEAST_INTERVAL = Duration.ofSeconds(5);

    public EditPolicy {
        if (!(cpuThreshold > 0) || forcedInterval.compareTo(minInterval) < 0 || minInterval.compareTo(LEAST_INTERVAL) < 0) {
            throw new IllegalArgumentException("cpuThreshold: more than 0; minIntervalSeconds: at least "
                    + LEAST_INTERVAL.toSeconds() + "; forcedIntervalSeconds: at least minIntervalSeconds");
        }
    }

    public static EditPolicy of(StatusConfig config) {
        return new EditPolicy(config.cpuThreshold(), Duration.ofSeconds(config.forcedIntervalSeconds()),
                Duration.ofSeconds(config.minIntervalSeconds()));
    }

    /** What a message shows, as last edited. */
    public record Shown(String state, double cpu, long atMillis) {
    }

    /**
     * @param shown what the message shows, or null when unknown (after a restart): then it is edited at once
     * @param cpu the server's CPU now, in percent of its limit
     */
    public boolean due(Shown shown, String state, double cpu, long nowMillis) {
        if (shown == null) {
            return true;
        }
        long since = nowMillis - shown.atMillis();
        if (since < minInterval.toMillis()) {
            return false;
        }
        return !state.equals(shown.state()) || Math.abs(cpu - shown.cpu()) >= cpuThreshold
                || since >= forcedInterval.toMillis();
    }
}
