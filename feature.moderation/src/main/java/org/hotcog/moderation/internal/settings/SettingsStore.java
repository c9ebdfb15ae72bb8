package org.hotcog.moderation.internal.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Moderation settings in {@code moderation_settings}, {@code moderation_role} and
 * {@code moderation_threshold}. A guild's settings are written in one transaction: a change is
 * stored whole or not at all. Not cached, so every process sharing the database sees a change at once.
 */
@Component(service = SettingsStore.class)
public final class SettingsStore {
    private final DataSource database;

    @Activate
    public SettingsStore(@Reference DataSource database) {
        this.database = database;
    }

    /** The guild's settings, or the defaults. */
    public ModerationSettings get(long guildId) {
        try (Connection connection = database.getConnection()) {
            ModerationSettings base = ModerationSettings.DEFAULTS;
            try (PreparedStatement select = connection.prepareStatement("SELECT modlog_channel_id, require_reason, "
                    + "dm_before_action, warning_expiry_seconds FROM moderation_settings WHERE guild_id = ?")) {
                select.setLong(1, guildId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        base = new ModerationSettings(rs.getLong(1), rs.getBoolean(2), rs.getBoolean(3),
                                Duration.ofSeconds(rs.getLong(4)), Set.of(), List.of());
                    }
                }
            }
            return base.withModeratorRoles(roles(connection, guildId)).withThresholds(thresholds(connection, guildId));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the moderation settings: " + e.getMessage(), e);
        }
    }

    /**
     * Validates and stores the guild's settings, replacing them all.
     *
     * @throws InvalidSettingException with nothing stored
     */
    public ModerationSettings save(long guildId, ModerationSettings settings) {
        settings.validate();
        try {
            Transactions.inTransaction(database, connection -> {
                write(connection, guildId, settings);
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the moderation settings: " + e.getMessage(), e);
        }
        return settings;
    }

    private static void write(Connection connection, long guildId, ModerationSettings settings) throws SQLException {
        for (String table : List.of("moderation_settings", "moderation_role", "moderation_threshold")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE guild_id = ?")) {
                delete.setLong(1, guildId);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO moderation_settings (guild_id, "
                + "modlog_channel_id, require_reason, dm_before_action, warning_expiry_seconds) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, guildId);
            insert.setLong(2, settings.modlogChannelId());
            insert.setBoolean(3, settings.requireReason());
            insert.setBoolean(4, settings.dmBeforeAction());
            insert.setLong(5, settings.warningExpiry().getSeconds());
            insert.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO moderation_role (guild_id, role_id) VALUES (?, ?)")) {
            for (long role : settings.moderatorRoles()) {
                insert.setLong(1, guildId);
                insert.setLong(2, role);
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO moderation_threshold "
                + "(guild_id, points, action, duration_seconds) VALUES (?, ?, ?, ?)")) {
            for (Threshold threshold : settings.thresholds()) {
                insert.setLong(1, guildId);
                insert.setInt(2, threshold.points());
                insert.setString(3, threshold.action().wireName());
                if (threshold.duration() == null) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, threshold.duration().getSeconds());
                }
                insert.executeUpdate();
            }
        }
    }

    private static Set<Long> roles(Connection connection, long guildId) throws SQLException {
        Set<Long> roles = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT role_id FROM moderation_role WHERE guild_id = ?")) {
            select.setLong(1, guildId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getLong(1));
                }
            }
        }
        return roles;
    }

    private static List<Threshold> thresholds(Connection connection, long guildId) throws SQLException {
        List<Threshold> thresholds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT points, action, duration_seconds FROM moderation_threshold WHERE guild_id = ? ORDER BY points")) {
            select.setLong(1, guildId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long seconds = rs.getLong(3);
                    thresholds.add(new Threshold(rs.getInt(1), CaseAction.ofWireName(rs.getString(2)),
                            rs.wasNull() ? null : Duration.ofSeconds(seconds)));
                }
            }
        }
        return thresholds;
    }
}
