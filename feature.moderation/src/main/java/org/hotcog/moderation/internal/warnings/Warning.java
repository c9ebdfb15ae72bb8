package org.hotcog.moderation.internal.warnings;

import java.time.Instant;

import org.hotcog.moderation.internal.cases.ModCase;

/**
 * A warning: its case (number, moderator, reason, time), its points, and whether it still counts.
 *
 * @param expiresAt when it stops counting, null for never
 * @param revokedBy the number of the unwarn case that cleared it, 0 while it stands
 */
public record Warning(ModCase warnCase, int points, Instant expiresAt, int revokedBy) {
    /** Whether it counts towards escalation at {@code now}. */
    public boolean activeAt(Instant now) {
        return revokedBy == 0 && (expiresAt == null || expiresAt.isAfter(now));
    }
}
