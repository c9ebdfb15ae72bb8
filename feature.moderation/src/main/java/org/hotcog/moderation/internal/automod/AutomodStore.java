package org.hotcog.moderation.internal.automod;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Automod settings in {@code moderation_automod}, {@code moderation_automod_rule} and
 * {@code moderation_automod_term}, written whole in one transaction, and the raid guard's strict
 * mode. Every message of a guild is checked against its settings, so they are kept in memory for
 * a few seconds: a change made in this process applies at once, one made by another process
 * sharing the database within {@link #FRESH_FOR}.
 */
@Component(service = AutomodStore.class)
public final class AutomodStore {
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    private static final String WORD = "word";
    private static final String PATTERN = "pattern";
    private static final String INVITE = "invite";

    private record Cached(AutomodSettings settings, long readAtNanos) {
    }

    private final DataSource database;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    @Activate
    public AutomodStore(@Reference DataSource database) {
        this.database = database;
    }

    /** The guild's automod, or the defaults (every rule off). */
    public AutomodSettings get(long guildId) {
        Cached cached = cache.get(guildId);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < FRESH_FOR.toNanos()) {
            return cached.settings();
        }
        AutomodSettings settings = read(guildId);
        cache.put(guildId, new Cached(settings, System.nanoTime()));
        return settings;
    }

    /**
     * Validates and stores the guild's automod, replacing it whole.
     *
     * @throws org.hotcog.moderation.internal.settings.InvalidSettingException with nothing stored
     */
    public AutomodSettings save(long guildId, AutomodSettings settings) {
        settings.validate();
        inTransaction(connection -> {
            execute(connection, "DELETE FROM moderation_automod_rule WHERE guild_id = ?", guildId);
            execute(connection, "DELETE FROM moderation_automod_term WHERE guild_id = ?", guildId);
            // The row keeps strict_until: saving settings does not end a raid.
            if (execute(connection, "UPDATE moderation_automod SET timeout_seconds = ?, strict_seconds = ? "
                    + "WHERE guild_id = ?", settings.timeout().getSeconds(), settings.strictFor().getSeconds(),
                    guildId) == 0) {
                execute(connection, "INSERT INTO moderation_automod (guild_id, timeout_seconds, strict_seconds) "
                        + "VALUES (?, ?, ?)", guildId, settings.timeout().getSeconds(),
                        settings.strictFor().getSeconds());
            }
            for (AutomodRule rule : AutomodRule.values()) {
                RuleSetting r = settings.rule(rule);
                execute(connection, "INSERT INTO moderation_automod_rule (guild_id, rule_name, enabled, action, "
                        + "limit_count, window_seconds) VALUES (?, ?, ?, ?, ?, ?)", guildId, rule.wireName(),
                        r.enabled(), r.action().wireName(), r.limit(), r.windowSeconds());
            }
            insertTerms(connection, guildId, WORD, settings.blockedWords());
            insertTerms(connection, guildId, PATTERN, settings.blockedPatterns());
            insertTerms(connection, guildId, INVITE, settings.allowedInvites());
            return null;
        });
        cache.remove(guildId);
        return settings;
    }

    /**
     * Turns strict mode on until {@code until}, unless it is on already (in this process or another).
     *
     * @return whether this call turned it on
     */
    public boolean startStrictMode(long guildId, Instant now, Instant until) {
        return inTransaction(connection -> {
            AutomodSettings settings = read(connection, guildId);
            int updated = execute(connection, "UPDATE moderation_automod SET strict_until = ? WHERE guild_id = ? "
                    + "AND (strict_until IS NULL OR strict_until < ?)", Timestamp.from(until), guildId,
                    Timestamp.from(now));
            if (updated == 0 && strictUntil(connection, guildId).isEmpty()) {
                // No row yet: a guild that only enabled the raid guard through its defaults.
                execute(connection, "INSERT INTO moderation_automod (guild_id, timeout_seconds, strict_seconds, "
                        + "strict_until) VALUES (?, ?, ?, ?)", guildId, settings.timeout().getSeconds(),
                        settings.strictFor().getSeconds(), Timestamp.from(until));
                updated = 1;
            }
            return updated > 0;
        });
    }

    /** Until when strict mode is on, if it is on at {@code now}. */
    public Optional<Instant> strictUntil(long guildId, Instant now) {
        try (Connection connection = database.getConnection()) {
            return strictUntil(connection, guildId).filter(until -> until.isAfter(now));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the raid guard's state: " + e.getMessage(), e);
        }
    }

    /**
     * Ends strict mode if it was due to end by {@code now}.
     *
     * @return whether this call ended it
     */
    public boolean endStrictMode(long guildId, Instant now) {
        return inTransaction(connection -> execute(connection, "UPDATE moderation_automod SET strict_until = NULL "
                + "WHERE guild_id = ? AND strict_until <= ?", guildId, Timestamp.from(now)) > 0);
    }

    private AutomodSettings read(long guildId) {
        try (Connection connection = database.getConnection()) {
            return read(connection, guildId);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the automod settings: " + e.getMessage(), e);
        }
    }

    private static AutomodSettings read(Connection connection, long guildId) throws SQLException {
        AutomodSettings settings = AutomodSettings.DEFAULTS;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT timeout_seconds, strict_seconds FROM moderation_automod WHERE guild_id = ?")) {
            select.setLong(1, guildId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    settings = settings.withTimeout(Duration.ofSeconds(rs.getLong(1)))
                            .withStrictFor(Duration.ofSeconds(rs.getLong(2)));
                }
            }
        }
        Map<AutomodRule, RuleSetting> rules = new EnumMap<>(AutomodRule.class);
        try (PreparedStatement select = connection.prepareStatement("SELECT rule_name, enabled, action, limit_count, "
                + "window_seconds FROM moderation_automod_rule WHERE guild_id = ?")) {
            select.setLong(1, guildId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    AutomodRule rule = AutomodRule.ofWireName(rs.getString(1));
                    if (rule != null) {
                        rules.put(rule, new RuleSetting(rs.getBoolean(2), AutomodAction.ofWireName(rs.getString(3)),
                                rs.getInt(4), rs.getInt(5)));
                    }
                }
            }
        }
        return new AutomodSettings(rules, terms(connection, guildId, WORD), terms(connection, guildId, PATTERN),
                terms(connection, guildId, INVITE), settings.timeout(), settings.strictFor());
    }

    private static Optional<Instant> strictUntil(Connection connection, long guildId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT strict_until FROM moderation_automod WHERE guild_id = ?")) {
            select.setLong(1, guildId);
            try (ResultSet rs = select.executeQuery()) {
                Timestamp until = rs.next() ? rs.getTimestamp(1) : null;
                return Optional.ofNullable(until).map(Timestamp::toInstant);
            }
        }
    }

    private static List<String> terms(Connection connection, long guildId, String kind) throws SQLException {
        List<String> terms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT term FROM moderation_automod_term WHERE guild_id = ? AND kind = ? ORDER BY term")) {
            select.setLong(1, guildId);
            select.setString(2, kind);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    terms.add(rs.getString(1));
                }
            }
        }
        return terms;
    }

    private static void insertTerms(Connection connection, long guildId, String kind, List<String> terms)
            throws SQLException {
        for (String term : terms) {
            execute(connection, "INSERT INTO moderation_automod_term (guild_id, kind, term) VALUES (?, ?, ?)", guildId,
                    kind, term);
        }
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private <T> T inTransaction(Transactions.Work<T, RuntimeException> work) {
        try {
            return Transactions.inTransaction(database, work);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the automod settings: " + e.getMessage(), e);
        }
    }
}
