package org.hotcog.levels.internal.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.hotcog.levels.internal.db.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Level settings in {@code levels_settings} and {@code levels_reward}, one settings row per guild
 * that changed them. Not cached, so every process sharing the database sees a change at once.
 */
@Component(service = SettingsStore.class)
public final class SettingsStore {
    private final DataSource database;

    @Activate
    public SettingsStore(@Reference DataSource database) {
        this.database = database;
    }

    /** The guild's settings, or the defaults. */
    public LevelSettings get(long guildId) {
        try (Connection connection = database.getConnection()) {
            List<LevelSettings.Reward> rewards = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT level, role_id FROM levels_reward WHERE guild_id = ?")) {
                select.setLong(1, guildId);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rewards.add(new LevelSettings.Reward(rs.getInt(1), rs.getLong(2)));
                    }
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT announce_channel_id, cooldown_seconds, "
                    + "coins_per_xp, max_coin_xp, replace_rewards FROM levels_settings WHERE guild_id = ?")) {
                select.setLong(1, guildId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return LevelSettings.DEFAULTS.withRewards(rewards);
                    }
                    return new LevelSettings(rs.getLong(1), Duration.ofSeconds(rs.getInt(2)), rs.getInt(3),
                            rs.getInt(4), rs.getBoolean(5), rewards);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the level settings: " + e.getMessage(), e);
        }
    }

    /**
     * Validates and stores the guild's settings and reward roles, replacing them.
     *
     * @throws InvalidSettingException with nothing stored
     */
    public LevelSettings save(long guildId, LevelSettings s) {
        s.validate();
        try {
            Transactions.inTransaction(database, connection -> {
                Sql.execute(connection, "DELETE FROM levels_settings WHERE guild_id = ?", guildId);
                Sql.execute(connection, "INSERT INTO levels_settings (guild_id, announce_channel_id, cooldown_seconds, "
                        + "coins_per_xp, max_coin_xp, replace_rewards) VALUES (?, ?, ?, ?, ?, ?)", guildId,
                        s.announceChannelId(), (int) s.cooldown().getSeconds(), s.coinsPerXp(), s.maxCoinXp(),
                        s.replaceRewards());
                Sql.execute(connection, "DELETE FROM levels_reward WHERE guild_id = ?", guildId);
                for (LevelSettings.Reward reward : s.rewards()) {
                    Sql.execute(connection, "INSERT INTO levels_reward (guild_id, level, role_id) VALUES (?, ?, ?)",
                            guildId, reward.level(), reward.roleId());
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the level settings: " + e.getMessage(), e);
        }
        return s;
    }
}
