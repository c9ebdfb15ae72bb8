package org.hotcog.moderation.internal.cases;

import java.time.Duration;
import java.time.Instant;

/**
 * One stored case.
 *
 * @param number the case's number within its guild, from 1
 * @param reason null when none was given
 * @param duration null for actions without one
 * @param detail what the action did beyond the other fields (a purge's count and filters, the
 *     automod rule broken), null if nothing
 * @param modlogChannelId the channel of its modlog message, 0 when it was not posted
 * @param modlogMessageId the modlog message, 0 when it was not posted
 */
public record ModCase(long guildId, int number, CaseAction action, long targetId, String targetName, long moderatorId,
        String moderatorName, boolean automatic, String reason, Duration duration, String detail, Instant createdAt,
        long modlogChannelId, long modlogMessageId) {
    /** The same case, posted to the modlog as that message. */
    public ModCase postedAt(long channelId, long messageId) {
        return new ModCase(guildId, number, action, targetId, targetName, moderatorId, moderatorName, automatic, reason,
                duration, detail, createdAt, channelId, messageId);
    }
}
