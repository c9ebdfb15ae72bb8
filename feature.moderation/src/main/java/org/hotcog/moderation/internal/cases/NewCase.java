package org.hotcog.moderation.internal.cases;

import java.time.Duration;

/**
 * A case about to be recorded; the store gives it its number and time.
 *
 * @param reason null when none was given
 * @param duration null for actions without one
 * @param detail what the action did beyond the other fields, null if nothing (see {@link ModCase})
 */
public record NewCase(long guildId, CaseAction action, long targetId, String targetName, long moderatorId,
        String moderatorName, boolean automatic, String reason, Duration duration, String detail) {
}
