package org.hotcog.moderation.internal.settings;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.time.Durations;

/**
 * A guild's moderation settings.
 *
 * @param modlogChannelId where cases are posted, 0 for nowhere
 * @param requireReason whether every action needs a reason
 * @param dmBeforeAction whether the target is told by DM before the action
 * @param warningExpiry how long a warning counts, {@link Duration#ZERO} for ever
 * @param moderatorRoles roles whose members may moderate without the action's Discord permission
 * @param thresholds escalation steps, by ascending points
 */
public record ModerationSettings(long modlogChannelId, boolean requireReason, boolean dmBeforeAction,
        Duration warningExpiry, Set<Long> moderatorRoles, List<Threshold> thresholds) {
    /** A guild that changed nothing: no modlog, no required reason, no DMs, warnings count for ever. */
    public static final ModerationSettings DEFAULTS = new ModerationSettings(0, false, false, Duration.ZERO, Set.of(),
            List.of());
    /** Discord's longest timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(28);
    public static final Duration MAX_BAN = Duration.ofDays(365);
    public static final Duration MAX_WARNING_EXPIRY = Duration.ofDays(365);
    public static final int MAX_POINTS = 1000;
    public static final int MAX_THRESHOLDS = 10;
    public static final int MAX_MODERATOR_ROLES = 25;

    public ModerationSettings {
        moderatorRoles = Set.copyOf(moderatorRoles);
        thresholds = thresholds.stream().sorted(Comparator.comparingInt(Threshold::points)).toList();
    }

    /**
     * Checks every value.
     *
     * @throws InvalidSettingException naming the first setting that is wrong
     */
    public ModerationSettings validate() {
        if (modlogChannelId < 0) {
            throw new InvalidSettingException("modlogChannel", "must be a channel id, or 0 for none");
        }
        if (warningExpiry.isNegative() || warningExpiry.compareTo(MAX_WARNING_EXPIRY) > 0) {
            throw new InvalidSettingException("warningExpiry", "must be at most "
                    + Durations.format(MAX_WARNING_EXPIRY) + ", or never");
        }
        if (moderatorRoles.size() > MAX_MODERATOR_ROLES) {
            throw new InvalidSettingException("moderatorRoles", "at most " + MAX_MODERATOR_ROLES + " roles");
        }
        if (moderatorRoles.stream().anyMatch(id -> id <= 0)) {
            throw new InvalidSettingException("moderatorRoles", "must be role ids");
        }
        if (thresholds.size() > MAX_THRESHOLDS) {
            throw new InvalidSettingException("thresholds", "at most " + MAX_THRESHOLDS + " steps");
        }
        Set<Integer> points = new HashSet<>();
        for (int i = 0; i < thresholds.size(); i++) {
            validate(thresholds.get(i), "thresholds[" + i + "]", points);
        }
        return this;
    }

    private static void validate(Threshold threshold, String field, Set<Integer> seen) {
        if (threshold.points() < 1 || threshold.points() > MAX_POINTS) {
            throw new InvalidSettingException(field + ".points", "must be from 1 to " + MAX_POINTS);
        }
        if (!seen.add(threshold.points())) {
            throw new InvalidSettingException(field + ".points", "another step has " + threshold.points() + " points");
        }
        Duration duration = threshold.duration();
        switch (threshold.action()) {
            case TIMEOUT -> {
                if (duration == null || duration.compareTo(Duration.ofMinutes(1)) < 0
                        || duration.compareTo(MAX_TIMEOUT) > 0) {
                    throw new InvalidSettingException(field + ".duration",
                            "a timeout needs a duration from 1m to " + Durations.format(MAX_TIMEOUT));
                }
            }
            case BAN -> {
                if (duration != null && (duration.compareTo(Duration.ofMinutes(1)) < 0
                        || duration.compareTo(MAX_BAN) > 0)) {
                    throw new InvalidSettingException(field + ".duration",
                            "a ban lasts from 1m to " + Durations.format(MAX_BAN) + ", or has no duration");
                }
            }
            case KICK -> {
                if (duration != null) {
                    throw new InvalidSettingException(field + ".duration", "a kick has no duration");
                }
            }
            default -> throw new InvalidSettingException(field + ".action", "must be timeout, kick or ban");
        }
    }

    public ModerationSettings withModlogChannel(long channelId) {
        return new ModerationSettings(channelId, requireReason, dmBeforeAction, warningExpiry, moderatorRoles,
                thresholds);
    }

    public ModerationSettings withRequireReason(boolean required) {
        return new ModerationSettings(modlogChannelId, required, dmBeforeAction, warningExpiry, moderatorRoles,
                thresholds);
    }

    public ModerationSettings withDmBeforeAction(boolean dm) {
        return new ModerationSettings(modlogChannelId, requireReason, dm, warningExpiry, moderatorRoles, thresholds);
    }

    public ModerationSettings withWarningExpiry(Duration expiry) {
        return new ModerationSettings(modlogChannelId, requireReason, dmBeforeAction, expiry, moderatorRoles,
                thresholds);
    }

    public ModerationSettings withModeratorRoles(Set<Long> roles) {
        return new ModerationSettings(modlogChannelId, requireReason, dmBeforeAction, warningExpiry, roles,
                thresholds);
    }

    public ModerationSettings withThresholds(List<Threshold> steps) {
        return new ModerationSettings(modlogChannelId, requireReason, dmBeforeAction, warningExpiry, moderatorRoles,
                steps);
    }
}
