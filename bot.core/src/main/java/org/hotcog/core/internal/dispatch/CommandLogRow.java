package org.hotcog.core.internal.dispatch;

import java.time.Instant;

/**
 * One interaction as {@code GET /api/command-log} shows it. Discord ids are strings, as Discord writes them.
 *
 * @param id increasing with time: the {@code before} of the next page
 * @param at when the interaction ended
 * @param correlationId the reference an error reply shows the user, and the log line carries
 * @param guildId the guild, "0" in direct messages
 * @param channelId the channel
 * @param userId who ran it
 * @param module the module that answered (or should have)
 * @param command what was run: {@code /name sub}, a context-menu command, or a button's or modal's custom-id prefix
 * @param outcome {@code OK}, {@code REFUSED}, {@code COOLDOWN}, {@code FAILED}, {@code TIMEOUT}, {@code UNAVAILABLE}
 *         or {@code BUSY}
 * @param latencyMs from the interaction's arrival to its answer
 * @param error what failed, for {@code FAILED} and {@code TIMEOUT}; null otherwise
 */
public record CommandLogRow(long id, Instant at, String correlationId, String guildId, String channelId,
        String userId, String module, String command, String outcome, int latencyMs, String error) {
}
