package org.hotcog.moderation.internal.cases;

/**
 * Which cases of a guild to list, newest first.
 *
 * @param targetId only cases about this user, or 0 for all
 * @param action only this action, or null for all
 * @param moderatorId only cases by this moderator, or 0 for all
 * @param before only cases numbered below this, or 0 for the newest (the next page starts below the
 *     last number of the previous one)
 * @param limit at most this many
 */
public record CaseFilter(long targetId, CaseAction action, long moderatorId, int before, int limit) {
}
