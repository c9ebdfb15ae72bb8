package org.hotcog.moderation.internal.settings;

import java.time.Duration;

import org.hotcog.moderation.internal.cases.CaseAction;

/**
 * What happens when a member's active warning points reach {@code points}.
 *
 * @param action {@link CaseAction#TIMEOUT}, {@link CaseAction#KICK} or {@link CaseAction#BAN}
 * @param duration how long a timeout lasts (required) or a ban (optional: recorded on the case); null otherwise
 */
public record Threshold(int points, CaseAction action, Duration duration) {
}
