package org.hotcog.moderation.internal.rest;

import java.time.Instant;

import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.time.Durations;

/**
 * A case as the API shows it. Discord ids are strings, as Discord writes them: they do not fit a
 * JavaScript number.
 *
 * @param durationSeconds null for actions without a duration
 * @param duration the same, as moderators write it ({@code 1d 12h}), or null
 * @param targetType {@code user}, or {@code channel} for purges, slowmodes and locks
 * @param detail what the action did beyond the other fields, or null
 */
public record CaseJson(int number, String action, String targetType, String targetId, String targetName,
        String moderatorId, String moderatorName, boolean automatic, String reason, Long durationSeconds,
        String duration, String detail, Instant createdAt) {
    static CaseJson of(ModCase c) {
        return new CaseJson(c.number(), c.action().wireName(), c.action().onChannel() ? "channel" : "user",
                Long.toString(c.targetId()), c.targetName(), Long.toString(c.moderatorId()), c.moderatorName(),
                c.automatic(), c.reason(), c.duration() == null ? null : c.duration().getSeconds(),
                c.duration() == null ? null : Durations.format(c.duration()), c.detail(), c.createdAt());
    }
}
