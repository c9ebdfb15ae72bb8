package org.hotcog.economy.internal.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Economy settings in {@code economy_settings}, one row per guild that changed them. Not cached,
 * so every process sharing the database sees a change at once.
 */
@Component(service = SettingsStore.class)
public final class SettingsStore {
    private static final String COLUMNS = "currency_name, currency_symbol, daily_amount, daily_cooldown_seconds, "
            + "streak_bonus, streak_days, max_transfer, min_bet, max_bet, house_edge_basis_points, global_wallets";

    private final DataSource database;

    @Activate
    public SettingsStore(@Reference DataSource database) {
        this.database = database;
    }

    /** The guild's settings, or the defaults. */
    public EconomySettings get(long guildId) {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM economy_settings WHERE guild_id = ?")) {
            select.setLong(1, guildId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return EconomySettings.DEFAULTS;
                }
                return new EconomySettings(rs.getString(1), rs.getString(2), rs.getLong(3),
                        Duration.ofSeconds(rs.getLong(4)), rs.getLong(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
                        rs.getLong(9), rs.getInt(10), rs.getBoolean(11));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the economy settings: " + e.getMessage(), e);
        }
    }

    /**
     * Validates and stores the guild's settings, replacing them.
     *
     * @throws InvalidSettingException with nothing stored
     */
    public EconomySettings save(long guildId, EconomySettings s) {
        s.validate();
        try {
            Transactions.inTransaction(database, connection -> {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM economy_settings WHERE guild_id = ?")) {
                    delete.setLong(1, guildId);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO economy_settings (guild_id, "
                        + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, guildId);
                    insert.setString(2, s.currencyName());
                    insert.setString(3, s.currencySymbol());
                    insert.setLong(4, s.dailyAmount());
                    insert.setLong(5, s.dailyCooldown().getSeconds());
                    insert.setLong(6, s.streakBonus());
                    insert.setInt(7, s.streakDays());
                    insert.setLong(8, s.maxTransfer());
                    insert.setLong(9, s.minBet());
                    insert.setLong(10, s.maxBet());
                    insert.setInt(11, s.houseEdgeBasisPoints());
                    insert.setBoolean(12, s.globalWallets());
                    insert.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the economy settings: " + e.getMessage(), e);
        }
        return s;
    }
}
