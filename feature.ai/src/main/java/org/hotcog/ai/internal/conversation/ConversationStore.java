package org.hotcog.ai.internal.conversation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The AI's conversation memory on the bundle's tables: a conversation per {@code /chat} thread or per reply
 * chain, its turns in order, and the Discord messages that belong to it, so that a reply to any of them (or a
 * message in the thread) continues it. Images are not kept (attachment URLs expire), only how many there were.
 */
@Component(service = ConversationStore.class)
public final class ConversationStore {

    /** A kept turn's text is cut to this length (about what the column holds). */
    static final int MAX_CONTENT = 100_000;

    private final DataSource database;
    private final Clock clock;

    /**
     * @param database the bundle's database, migrated by the core
     */
    @Activate
    public ConversationStore(@Reference DataSource database) {
        this(database, Clock.systemUTC());
    }

    /**
     * @param database the bundle's database, migrated
     * @param clock the time of the rows
     */
    public ConversationStore(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Starts a conversation.
     *
     * @param guildId the guild, 0 in a DM
     * @param channelId the channel it started in
     * @param threadId its thread (a {@code /chat}), or 0 for a reply chain
     * @param startedBy who started it
     * @return its id
     * @throws SQLException if the database fails
     */
    public long start(long guildId, long channelId, long threadId, long startedBy) throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ai_conversation (guild_id, channel_id, thread_id, started_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            insert.setLong(1, guildId);
            insert.setLong(2, channelId);
            insert.setLong(3, threadId);
            insert.setLong(4, startedBy);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /**
     * @param threadId a thread
     * @return the conversation of that {@code /chat} thread, if it has one
     * @throws SQLException if the database fails
     */
    public Optional<Long> ofThread(long threadId) throws SQLException {
        return find("SELECT id FROM ai_conversation WHERE thread_id = ? ORDER BY id DESC", threadId);
    }

    /**
     * @param messageId a Discord message (one a person replied to)
     * @return the conversation it belongs to, if any
     * @throws SQLException if the database fails
     */
    public Optional<Long> ofMessage(long messageId) throws SQLException {
        return find("SELECT conversation_id FROM ai_message WHERE message_id = ?", messageId);
    }

    private Optional<Long> find(String sql, long key) throws SQLException {
        if (key == 0) {
            return Optional.empty();
        }
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, key);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? Optional.of(result.getLong(1)) : Optional.empty();
            }
        }
    }

    /**
     * Adds a turn and the Discord messages that carry it, in one transaction.
     *
     * @param conversationId the conversation
     * @param turn the turn (its images are counted, not kept)
     * @param authorId who wrote it (the bot for an answer)
     * @param messageIds the messages that show it (a question's message, or each message of an answer)
     * @throws SQLException if the database fails
     */
    public void append(long conversationId, Turn turn, long authorId, Collection<Long> messageIds)
            throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        Transactions.inTransaction(database, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai_turn (conversation_id, "
                    + "role, author_id, content, image_count, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, conversationId);
                insert.setString(2, turn.role().name().toLowerCase(Locale.ROOT));
                insert.setLong(3, authorId);
                insert.setString(4, turn.text().length() <= MAX_CONTENT ? turn.text()
                        : turn.text().substring(0, MAX_CONTENT));
                insert.setInt(5, turn.images().size());
                insert.setTimestamp(6, now);
                insert.executeUpdate();
            }
            // a message already known (an answer written again) keeps its conversation
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai_message (message_id, "
                    + "conversation_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM ai_message WHERE message_id = ?)")) {
                for (long messageId : messageIds) {
                    insert.setLong(1, messageId);
                    insert.setLong(2, conversationId);
                    insert.setLong(3, messageId);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement touch = connection.prepareStatement(
                    "UPDATE ai_conversation SET updated_at = ? WHERE id = ?")) {
                touch.setTimestamp(1, now);
                touch.setLong(2, conversationId);
                touch.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param conversationId the conversation
     * @return its turns, oldest first; a turn that had images says so in its text, since they were not kept
     * @throws SQLException if the database fails
     */
    public List<Turn> turns(long conversationId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT role, content, image_count FROM ai_turn WHERE conversation_id = ? ORDER BY id")) {
            query.setLong(1, conversationId);
            List<Turn> turns = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    int images = result.getInt(3);
                    String text = result.getString(2) + (images == 0 ? ""
                            : (result.getString(2).isEmpty() ? "" : "\n") + "[" + images
                                    + (images == 1 ? " image" : " images") + " not kept]");
                    turns.add(new Turn(Role.valueOf(result.getString(1).toUpperCase(Locale.ROOT)), text, List.of()));
                }
            }
            return turns;
        }
    }

    /**
     * Forgets a conversation's turns ({@code /ai reset}); its messages still lead to it, which then starts afresh.
     *
     * @param conversationId the conversation
     * @return how many turns were forgotten
     * @throws SQLException if the database fails
     */
    public int reset(long conversationId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ai_turn WHERE conversation_id = ?")) {
            delete.setLong(1, conversationId);
            return delete.executeUpdate();
        }
    }
}
