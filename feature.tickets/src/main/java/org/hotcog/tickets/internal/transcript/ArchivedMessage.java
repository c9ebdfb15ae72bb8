package org.hotcog.tickets.internal.transcript;

import java.time.Instant;
import java.util.List;

/**
 * One archived message of a ticket, as a transcript shows it.
 *
 * @param embedsJson Discord's embed objects, a JSON array
 * @param attachmentsJson {@code name}, {@code url} and {@code size} of each attachment, a JSON array
 * @param editedAt when it was last edited; null if never
 * @param deletedAt when it was deleted; null if it still exists
 * @param earlierVersions its text before each edit, oldest first
 */
public record ArchivedMessage(long messageId, long authorId, String authorName, boolean authorBot, String content,
        String embedsJson, String attachmentsJson, Instant sentAt, Instant editedAt, Instant deletedAt,
        List<String> earlierVersions) {
}
