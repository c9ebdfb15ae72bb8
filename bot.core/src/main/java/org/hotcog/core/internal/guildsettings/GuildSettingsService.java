package org.hotcog.core.internal.guildsettings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hotcog.api.settings.GuildSetting;
import org.hotcog.api.settings.GuildSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Per-guild settings in {@code hotcog_guild_setting}. Reads are cached for a few seconds: long
 * enough to spare the database on every interaction, short enough that a change made by another
 * process sharing the database shows quickly.
 */
@Component(service = GuildSettings.class)
public final class GuildSettingsService implements GuildSettings {
    static final long CACHE_MILLIS = 5_000;

    private final DataSource database;
    /** guild/module/key to the stored text (null when unset) and when it was read. */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String text, long readAt) {
    }

    @Activate
    public GuildSettingsService(@Reference DataSource database) {
        this.database = database;
    }

    @Override
    public <T> T get(long guildId, GuildSetting<T> setting) {
        String key = key(guildId, setting);
        Cached cached = cache.get(key);
        if (cached == null || System.currentTimeMillis() - cached.readAt() > CACHE_MILLIS) {
            cached = new Cached(read(guildId, setting), System.currentTimeMillis());
            cache.put(key, cached);
        }
        if (cached.text() == null) {
            return setting.defaultValue();
        }
        try {
            return setting.parse(cached.text());
        } catch (IllegalArgumentException e) {
            // Stored under an older definition that no longer accepts it: the default is safer.
            return setting.defaultValue();
        }
    }

    @Override
    public <T> void set(long guildId, GuildSetting<T> setting, T value) {
        String text = setting.format(setting.check(value));
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM hotcog_guild_setting WHERE guild_id = ? AND module = ? AND setting_key = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO hotcog_guild_setting "
                            + "(guild_id, module, setting_key, setting_value, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                bind(delete, guildId, setting);
                delete.executeUpdate();
                bind(insert, guildId, setting);
                insert.setString(4, text);
                insert.setTimestamp(5, new Timestamp(System.currentTimeMillis()));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not store " + setting.qualifiedName() + ": " + e.getMessage(), e);
        }
        cache.put(key(guildId, setting), new Cached(text, System.currentTimeMillis()));
    }

    @Override
    public void reset(long guildId, GuildSetting<?> setting) {
        try (Connection c = database.getConnection(); PreparedStatement delete = c.prepareStatement(
                "DELETE FROM hotcog_guild_setting WHERE guild_id = ? AND module = ? AND setting_key = ?")) {
            bind(delete, guildId, setting);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not reset " + setting.qualifiedName() + ": " + e.getMessage(), e);
        }
        cache.remove(key(guildId, setting));
    }

    private String read(long guildId, GuildSetting<?> setting) {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT setting_value FROM hotcog_guild_setting WHERE guild_id = ? AND module = ? AND setting_key = ?")) {
            bind(select, guildId, setting);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + setting.qualifiedName() + ": " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, long guildId, GuildSetting<?> setting) throws SQLException {
        statement.setLong(1, guildId);
        statement.setString(2, setting.module());
        statement.setString(3, setting.key());
    }

    private static String key(long guildId, GuildSetting<?> setting) {
        return guildId + "/" + setting.qualifiedName();
    }
}
