package org.hotcog.moderation.internal.rest;

import java.util.List;

import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.time.Durations;

/**
 * The moderation settings as the API reads and writes them. In a {@code PUT}, a field left out (or
 * null) keeps its value.
 *
 * @param modlogChannel the channel's id, or "0" for none
 * @param warningExpiry like "30d", or "never"
 * @param moderatorRoles role ids
 */
public record SettingsJson(String modlogChannel, Boolean requireReason, Boolean dmBeforeAction, String warningExpiry,
        List<String> moderatorRoles, List<ThresholdJson> thresholds) {
    static final String NEVER = "never";

    /**
     * @param action timeout, kick or ban
     * @param duration like "1h"; required for a timeout, optional for a ban, absent for a kick
     */
    public record ThresholdJson(Integer points, String action, String duration) {
    }

    static SettingsJson of(ModerationSettings s) {
        return new SettingsJson(Long.toString(s.modlogChannelId()), s.requireReason(), s.dmBeforeAction(),
                s.warningExpiry().isZero() ? NEVER : Durations.format(s.warningExpiry()),
                s.moderatorRoles().stream().sorted().map(String::valueOf).toList(),
                s.thresholds().stream().map(t -> new ThresholdJson(t.points(), t.action().wireName(),
                        t.duration() == null ? null : Durations.format(t.duration()))).toList());
    }
}
