package org.hotcog.levels.internal.xp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.hotcog.levels.internal.db.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Members' XP in {@code levels_member}, and nothing else changes it. Each gain locks the member's
 * row ({@code SELECT ... FOR UPDATE}), checks the cooldown and writes the sum in one transaction,
 * so the XP before and after a gain are exact even when many gains of one member run at once, in
 * this process or in others sharing the database: exactly one gain crosses each level.
 */
@Component(service = XpStore.class)
public final class XpStore {
    /** XP a member had before a gain and has after it. */
    public record Gain(long before, long after) {
        public int levelBefore() {
            return Curve.levelOf(before);
        }

        public int levelAfter() {
            return Curve.levelOf(after);
        }

        /** Whether this gain took the member to a new level. */
        public boolean levelledUp() {
            return levelAfter() > levelBefore();
        }
    }

    /** A place on the leaderboard, from 1. */
    public record Ranked(int rank, long userId, long xp) {
    }

    private final DataSource database;

    @Activate
    public XpStore(@Reference DataSource database) {
        this.database = database;
    }

    /**
     * Gives XP for a message, unless the member's last message that gave XP was less than
     * {@code cooldown} before {@code now}.
     *
     * @return the gain, or empty during the cooldown
     */
    public Optional<Gain> addForMessage(long guildId, long userId, long xp, Duration cooldown, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return inTransaction(connection -> {
            Optional<Row> row = lock(connection, guildId, userId);
            if (row.isPresent() && row.get().lastMessageAt() != null
                    && at.isBefore(row.get().lastMessageAt().plus(cooldown))) {
                return Optional.empty();
            }
            return Optional.of(write(connection, guildId, userId, row, xp, Timestamp.from(at)));
        });
    }

    /** Gives XP whatever the cooldown, which it leaves as it is. */
    public Gain add(long guildId, long userId, long xp) {
        return inTransaction(connection -> {
            Optional<Row> row = lock(connection, guildId, userId);
            Timestamp lastMessageAt = row.map(Row::lastMessageAt).map(Timestamp::from).orElse(null);
            return write(connection, guildId, userId, row, xp, lastMessageAt);
        });
    }

    /** A member's row as it is, locked until the transaction ends. */
    private record Row(long xp, Instant lastMessageAt) {
    }

    private static Optional<Row> lock(Connection connection, long guildId, long userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT xp, last_message_at FROM levels_member "
                + "WHERE guild_id = ? AND user_id = ? FOR UPDATE")) {
            select.setLong(1, guildId);
            select.setLong(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp at = rs.getTimestamp(2);
                return Optional.of(new Row(rs.getLong(1), at == null ? null : at.toInstant()));
            }
        }
    }

    /** Adds to the locked row, or inserts the member's first one; the caller's transaction commits it. */
    private static Gain write(Connection connection, long guildId, long userId, Optional<Row> row, long xp,
            Timestamp lastMessageAt) throws SQLException {
        long before = row.map(Row::xp).orElse(0L);
        long after = Math.min(Curve.MAX_XP, before + xp);
        if (row.isPresent()) {
            Sql.execute(connection, "UPDATE levels_member SET xp = ?, last_message_at = ? WHERE guild_id = ? "
                    + "AND user_id = ?", after, lastMessageAt, guildId, userId);
        } else {
            // a duplicate key here (another first gain of this member) retries the transaction
            Sql.execute(connection, "INSERT INTO levels_member (guild_id, user_id, xp, last_message_at) "
                    + "VALUES (?, ?, ?, ?)", guildId, userId, after, lastMessageAt);
        }
        return new Gain(before, after);
    }

    /** A member's XP; 0 for one who never had any. */
    public long xp(long guildId, long userId) {
        try (Connection connection = database.getConnection()) {
            return read(connection, guildId, userId).orElse(0L);
        } catch (SQLException e) {
            throw failed("read XP", e);
        }
    }

    /** The members of a guild with the most XP, from {@code offset}, ties by user id. */
    public List<Ranked> top(long guildId, int offset, int limit) {
        List<Ranked> ranked = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT user_id, xp FROM levels_member WHERE guild_id = ? AND xp > 0 ORDER BY xp DESC, user_id "
                        + "LIMIT ? OFFSET ?")) {
            select.setLong(1, guildId);
            select.setInt(2, limit);
            select.setInt(3, offset);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ranked.add(new Ranked(offset + ranked.size() + 1, rs.getLong(1), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw failed("read the leaderboard", e);
        }
        return ranked;
    }

    /** How many members of a guild have XP: the leaderboard's length. */
    public int ranked(long guildId) {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM levels_member WHERE guild_id = ? AND xp > 0")) {
            select.setLong(1, guildId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failed("count the leaderboard", e);
        }
    }

    /** A member's place on the leaderboard, if they have XP. */
    public Optional<Integer> rank(long guildId, long userId) {
        long xp = xp(guildId, userId);
        if (xp == 0) {
            return Optional.empty();
        }
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM levels_member WHERE guild_id = ? AND (xp > ? OR (xp = ? AND user_id < ?))")) {
            select.setLong(1, guildId);
            select.setLong(2, xp);
            select.setLong(3, xp);
            select.setLong(4, userId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return Optional.of(rs.getInt(1) + 1);
            }
        } catch (SQLException e) {
            throw failed("read a rank", e);
        }
    }

    private static Optional<Long> read(Connection connection, long guildId, long userId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT xp FROM levels_member WHERE guild_id = ? AND user_id = ?")) {
            select.setLong(1, guildId);
            select.setLong(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    /** Runs {@code work} in one transaction, again after a conflict with another one. */
    private <T> T inTransaction(Transactions.Work<T, RuntimeException> work) {
        try {
            return Transactions.inTransaction(database, work);
        } catch (SQLException e) {
            throw failed("add XP", e);
        }
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
