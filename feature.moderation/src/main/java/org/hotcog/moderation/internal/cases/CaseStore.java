package org.hotcog.moderation.internal.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The cases of every guild, in {@code moderation_case}. Case numbers come from the guild's row in
 * {@code moderation_case_counter}, updated in the transaction that stores the case: concurrent
 * moderators, in this process or another one sharing the database, wait for each other's row lock
 * and get consecutive numbers.
 */
@Component(service = CaseStore.class)
public final class CaseStore {
    /** Work that must commit or fail together with a new case, such as the warning it records. */
    @FunctionalInterface
    public interface WithCase {
        void run(Connection connection, int caseNumber) throws SQLException;
    }

    private static final String COLUMNS = "guild_id, case_number, action, target_id, target_name, moderator_id, "
            + "moderator_name, automatic, reason, duration_seconds, created_at, modlog_channel_id, modlog_message_id, detail";

    private final DataSource database;

    @Activate
    public CaseStore(@Reference DataSource database) {
        this.database = database;
    }

    /** Stores a case with the guild's next number, together with {@code alsoInTransaction}. */
    public ModCase create(NewCase c, WithCase alsoInTransaction) {
        try {
            // Two processes creating the first case of a guild both insert its counter row: the loser
            // runs again and then finds the row to update.
            return Transactions.inTransaction(database, connection -> {
                ModCase stored = insert(connection, c);
                alsoInTransaction.run(connection, stored.number());
                return stored;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not store a " + c.action().wireName() + " case: "
                    + e.getMessage(), e);
        }
    }

    private static ModCase insert(Connection connection, NewCase c) throws SQLException {
        int number = nextNumber(connection, c.guildId());
        // the database keeps microseconds at best: what is returned equals what is read back later
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO moderation_case (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?)")) {
            insert.setLong(1, c.guildId());
            insert.setInt(2, number);
            insert.setString(3, c.action().wireName());
            insert.setLong(4, c.targetId());
            insert.setString(5, c.targetName());
            insert.setLong(6, c.moderatorId());
            insert.setString(7, c.moderatorName());
            insert.setBoolean(8, c.automatic());
            insert.setString(9, c.reason());
            if (c.duration() == null) {
                insert.setNull(10, Types.BIGINT);
            } else {
                insert.setLong(10, c.duration().getSeconds());
            }
            insert.setTimestamp(11, Timestamp.from(now));
            insert.setString(12, c.detail());
            insert.executeUpdate();
        }
        return new ModCase(c.guildId(), number, c.action(), c.targetId(), c.targetName(), c.moderatorId(),
                c.moderatorName(), c.automatic(), c.reason(), c.duration(), c.detail(), now, 0, 0);
    }

    private static int nextNumber(Connection connection, long guildId) throws SQLException {
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE moderation_case_counter SET last_number = last_number + 1 WHERE guild_id = ?")) {
            bump.setLong(1, guildId);
            if (bump.executeUpdate() == 0) {
                try (PreparedStatement first = connection.prepareStatement(
                        "INSERT INTO moderation_case_counter (guild_id, last_number) VALUES (?, 1)")) {
                    first.setLong(1, guildId);
                    first.executeUpdate();
                    return 1;
                }
            }
        }
        try (PreparedStatement read = connection.prepareStatement(
                "SELECT last_number FROM moderation_case_counter WHERE guild_id = ?")) {
            read.setLong(1, guildId);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** One case of a guild. */
    public Optional<ModCase> find(long guildId, int number) {
        List<ModCase> found = query("SELECT " + COLUMNS + " FROM moderation_case WHERE guild_id = ? AND case_number = ?",
                guildId, number);
        return found.stream().findFirst();
    }

    /** Cases of a guild, newest first. */
    public List<ModCase> list(long guildId, CaseFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM moderation_case WHERE guild_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(guildId));
        if (filter.targetId() != 0) {
            sql.append(" AND target_id = ?");
            parameters.add(filter.targetId());
        }
        if (filter.action() != null) {
            sql.append(" AND action = ?");
            parameters.add(filter.action().wireName());
        }
        if (filter.moderatorId() != 0) {
            sql.append(" AND moderator_id = ?");
            parameters.add(filter.moderatorId());
        }
        if (filter.before() > 0) {
            sql.append(" AND case_number < ?");
            parameters.add(filter.before());
        }
        sql.append(" ORDER BY case_number DESC LIMIT ").append(filter.limit());
        return query(sql.toString(), parameters.toArray());
    }

    /** The reasons most recently given for an action in a guild, newest first, without repeats. */
    public List<String> recentReasons(long guildId, CaseAction action, int limit) {
        List<String> reasons = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT reason, MAX(case_number) AS latest FROM moderation_case WHERE guild_id = ? AND action = ? "
                        + "AND reason IS NOT NULL AND automatic = FALSE GROUP BY reason ORDER BY latest DESC LIMIT ?")) {
            select.setLong(1, guildId);
            select.setString(2, action.wireName());
            select.setInt(3, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    reasons.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read recent reasons: " + e.getMessage(), e);
        }
        return reasons;
    }

    /** Replaces a case's reason; false when the guild has no such case. */
    public boolean updateReason(long guildId, int number, String reason) {
        return update("UPDATE moderation_case SET reason = ? WHERE guild_id = ? AND case_number = ?", reason, guildId,
                number);
    }

    /** Remembers where the case was posted, so that a later edit of its reason edits the post too. */
    public void setModlogMessage(long guildId, int number, long channelId, long messageId) {
        update("UPDATE moderation_case SET modlog_channel_id = ?, modlog_message_id = ? "
                + "WHERE guild_id = ? AND case_number = ?", channelId, messageId, guildId, number);
    }

    private boolean update(String sql, Object... parameters) {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, parameters);
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not update a case: " + e.getMessage(), e);
        }
    }

    private List<ModCase> query(String sql, Object... parameters) {
        List<ModCase> cases = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    cases.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read cases: " + e.getMessage(), e);
        }
        return cases;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private static ModCase read(ResultSet rs) throws SQLException {
        long durationSeconds = rs.getLong("duration_seconds");
        Duration duration = rs.wasNull() ? null : Duration.ofSeconds(durationSeconds);
        return new ModCase(rs.getLong("guild_id"), rs.getInt("case_number"),
                CaseAction.ofWireName(rs.getString("action")), rs.getLong("target_id"), rs.getString("target_name"),
                rs.getLong("moderator_id"), rs.getString("moderator_name"), rs.getBoolean("automatic"),
                rs.getString("reason"), duration, rs.getString("detail"), rs.getTimestamp("created_at").toInstant(),
                rs.getLong("modlog_channel_id"), rs.getLong("modlog_message_id"));
    }
}
