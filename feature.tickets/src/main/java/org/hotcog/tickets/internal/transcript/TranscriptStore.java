package org.hotcog.tickets.internal.transcript;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.hotcog.tickets.internal.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The archive of ticket messages in {@code ticket_message} and {@code ticket_message_edit}: written as each message
 * arrives, edited and deleted, so a transcript needs nothing from Discord.
 */
@Component(service = TranscriptStore.class)
public final class TranscriptStore {
    /** Rows fetched at a time while a transcript is written: the archive of a long ticket never sits in memory. */
    private static final int FETCH_SIZE = 500;

    private final DataSource dataSource;
    private final Database database;

    @Activate
    public TranscriptStore(@Reference DataSource dataSource) {
        this.dataSource = dataSource;
        this.database = new Database(dataSource);
    }

    /** Archives a new message; one already archived (a replayed gateway event) is left as it is. */
    public void add(long ticketId, ArchivedMessage message) {
        database.transaction(connection -> {
            boolean known = !Database.list(connection, "SELECT 1 FROM ticket_message WHERE ticket_id = ? "
                    + "AND message_id = ?", row -> 1, ticketId, message.messageId()).isEmpty();
            if (!known) {
                Database.update(connection, "INSERT INTO ticket_message (ticket_id, message_id, author_id, "
                        + "author_name, author_bot, content, embeds, attachments, sent_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ticketId, message.messageId(), message.authorId(),
                        message.authorName(), message.authorBot(), message.content(), message.embedsJson(),
                        message.attachmentsJson(), message.sentAt());
            }
            return null;
        });
    }

    /** Records an edit: the text before it is kept as an earlier version. */
    public void edit(long ticketId, long messageId, String content, String embedsJson, Instant at) {
        database.transaction(connection -> {
            List<String> before = Database.list(connection, "SELECT content FROM ticket_message WHERE ticket_id = ? "
                    + "AND message_id = ? FOR UPDATE", row -> row.getString(1), ticketId, messageId);
            if (before.isEmpty()) {
                return null;
            }
            if (!before.get(0).equals(content)) {
                int revisions = Database.list(connection, "SELECT COUNT(*) FROM ticket_message_edit WHERE "
                        + "ticket_id = ? AND message_id = ?", row -> row.getInt(1), ticketId, messageId).get(0);
                Database.update(connection, "INSERT INTO ticket_message_edit (ticket_id, message_id, revision, "
                        + "content, replaced_at) VALUES (?, ?, ?, ?, ?)", ticketId, messageId, revisions + 1,
                        before.get(0), at);
            }
            Database.update(connection, "UPDATE ticket_message SET content = ?, embeds = ?, edited_at = ? "
                    + "WHERE ticket_id = ? AND message_id = ?", content, embedsJson, at, ticketId, messageId);
            return null;
        });
    }

    /** Marks messages deleted; they stay in the transcript, struck through. */
    public void delete(long ticketId, Collection<Long> messageIds, Instant at) {
        database.transaction(connection -> {
            for (long messageId : messageIds) {
                Database.update(connection, "UPDATE ticket_message SET deleted_at = ? WHERE ticket_id = ? "
                        + "AND message_id = ? AND deleted_at IS NULL", at, ticketId, messageId);
            }
            return null;
        });
    }

    public int count(long ticketId) {
        return database.first("SELECT COUNT(*) FROM ticket_message WHERE ticket_id = ?", row -> row.getInt(1),
                ticketId).orElse(0);
    }

    /** Hands every archived message of the ticket to {@code each}, oldest first, reading a few hundred at a time. */
    public void forEach(long ticketId, Consumer<ArchivedMessage> each) {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL streams with a fetch size only inside a transaction
            connection.setAutoCommit(false);
            try {
                Map<Long, List<String>> versions = earlierVersions(connection, ticketId);
                try (PreparedStatement select = connection.prepareStatement("SELECT message_id, author_id, "
                        + "author_name, author_bot, content, embeds, attachments, sent_at, edited_at, deleted_at "
                        + "FROM ticket_message WHERE ticket_id = ? ORDER BY message_id")) {
                    select.setFetchSize(FETCH_SIZE);
                    select.setLong(1, ticketId);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            long id = row.getLong(1);
                            each.accept(new ArchivedMessage(id, row.getLong(2), row.getString(3), row.getBoolean(4),
                                    row.getString(5), row.getString(6), row.getString(7),
                                    Database.instant(row, "sent_at"), Database.instant(row, "edited_at"),
                                    Database.instant(row, "deleted_at"), versions.getOrDefault(id, List.of())));
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the archive of ticket " + ticketId + ": " + e.getMessage(),
                    e);
        }
    }

    private static Map<Long, List<String>> earlierVersions(Connection connection, long ticketId)
            throws SQLException {
        Map<Long, List<String>> versions = new HashMap<>();
        for (Object[] row : Database.list(connection, "SELECT message_id, content FROM ticket_message_edit "
                + "WHERE ticket_id = ? ORDER BY message_id, revision",
                r -> new Object[] { r.getLong(1), r.getString(2) }, ticketId)) {
            versions.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add((String) row[1]);
        }
        return versions;
    }
}
