package org.hotcog.moderation.internal.channels;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.moderation.internal.cases.CaseStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Locked channels in {@code moderation_lock}: the {@code @everyone} overwrite each had before its
 * lock, written in the transaction of the lock's case and removed in the unlock's.
 */
@Component(service = LockStore.class)
public final class LockStore {
    /**
     * The {@code @everyone} overwrite of a channel before its lock.
     *
     * @param hadOverwrite whether there was one at all (if not, unlocking removes the overwrite)
     */
    public record Lock(boolean hadOverwrite, long previousAllow, long previousDeny, int caseNumber) {
    }

    private final DataSource database;

    @Activate
    public LockStore(@Reference DataSource database) {
        this.database = database;
    }

    /** The lock of a channel, if it was locked with {@code /lock}. */
    public Optional<Lock> find(long guildId, long channelId) {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT had_overwrite, previous_allow, previous_deny, case_number FROM moderation_lock "
                        + "WHERE guild_id = ? AND channel_id = ?")) {
            select.setLong(1, guildId);
            select.setLong(2, channelId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Lock(rs.getBoolean(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the channel lock: " + e.getMessage(), e);
        }
    }

    /** Remembers a lock, in its case's transaction; replaces a lock the channel lost by hand meanwhile. */
    public CaseStore.WithCase remember(long guildId, long channelId, boolean hadOverwrite, long allow, long deny) {
        return (connection, caseNumber) -> {
            forget(connection, guildId, channelId);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO moderation_lock (guild_id, "
                    + "channel_id, had_overwrite, previous_allow, previous_deny, case_number) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, guildId);
                insert.setLong(2, channelId);
                insert.setBoolean(3, hadOverwrite);
                insert.setLong(4, allow);
                insert.setLong(5, deny);
                insert.setInt(6, caseNumber);
                insert.executeUpdate();
            }
        };
    }

    /** Forgets a lock, in the unlock's case transaction. */
    public CaseStore.WithCase forget(long guildId, long channelId) {
        return (connection, caseNumber) -> forget(connection, guildId, channelId);
    }

    private static void forget(Connection connection, long guildId, long channelId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM moderation_lock WHERE guild_id = ? AND channel_id = ?")) {
            delete.setLong(1, guildId);
            delete.setLong(2, channelId);
            delete.executeUpdate();
        }
    }
}
