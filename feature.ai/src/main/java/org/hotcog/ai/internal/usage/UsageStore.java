package org.hotcog.ai.internal.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.hotcog.ai.internal.usage.Admission.Measure;
import org.hotcog.ai.internal.usage.Admission.Refused;
import org.hotcog.ai.internal.usage.Admission.Scope;
import org.hotcog.ai.internal.usage.Admission.Window;

/**
 * Usage accounting and quotas on the bundle's tables ({@code ai_usage}, {@code ai_quota}). Quotas are rolling
 * windows (any hour, any 24 hours) over the usage rows, so nothing has to reset them; a call's row is written
 * before the call, so calls in flight count in every process sharing the database.
 */
@Component(service = UsageStore.class)
public final class UsageStore {

    private final DataSource database;
    private final Clock clock;

    /**
     * @param database the bundle's database, migrated by the core
     */
    @Activate
    public UsageStore(@Reference DataSource database) {
        this(database, Clock.systemUTC());
    }

    /**
     * @param database the bundle's database, migrated
     * @param clock the time of the rows
     */
    public UsageStore(DataSource database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Who asks what of which provider.
     *
     * @param guildId the guild, 0 in a DM
     * @param userId who asks
     * @param channelId where
     * @param provider the provider's name
     * @param model the model
     */
    public record Call(long guildId, long userId, long channelId, String provider, String model) {

        /** Checks what the columns can hold. */
        public Call {
            if (provider == null || provider.isEmpty() || provider.length() > 32) {
                throw new IllegalArgumentException("provider: a name of 1-32 characters");
            }
            if (model == null || model.isEmpty() || model.length() > 200) {
                throw new IllegalArgumentException("model: a name of 1-200 characters");
            }
        }
    }

    /**
     * How a call ended.
     *
     * @param promptTokens as the provider reported them, -1 if it did not
     * @param completionTokens as the provider reported them, -1 if it did not
     * @param latency from the request to the end of the answer
     * @param outcome {@code OK}, or the failure's kind ({@code TIMEOUT}, {@code CUT_STREAM}...)
     * @param costMicros the estimated cost in millionths of the configured currency
     */
    public record Result(int promptTokens, int completionTokens, Duration latency, String outcome, long costMicros) {
    }

    /**
     * Sums over a period.
     *
     * @param requests calls
     * @param promptTokens prompt tokens reported
     * @param completionTokens completion tokens reported
     * @param costMicros estimated cost in millionths
     */
    public record Totals(long requests, long promptTokens, long completionTokens, long costMicros) {
    }

    private record Row(Instant createdAt, long tokens) {
    }

    /**
     * Checks the member's and the guild's quotas and, if the call fits, writes its pending usage row.
     *
     * @param call the call
     * @param member the member's limits
     * @param guild the guild's limits ({@link QuotaLimits#UNLIMITED} in a DM)
     * @return admitted with the row to finish, or refused by the quota that frees up last
     * @throws SQLException if the database fails
     */
    public Admission admit(Call call, QuotaLimits member, QuotaLimits guild) throws SQLException {
        Instant now = clock.instant();
        try (Connection connection = database.getConnection()) {
            // committed before the check, so that two calls checking at once see each other: a quota is never
            // exceeded, at worst both are refused
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai_usage (guild_id, user_id, "
                    + "channel_id, provider, model, prompt_tokens, completion_tokens, latency_ms, outcome, cost_micros, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, -1, -1, 0, 'PENDING', 0, ?)", new String[] {"id"})) {
                insert.setLong(1, call.guildId());
                insert.setLong(2, call.userId());
                insert.setLong(3, call.channelId());
                insert.setString(4, call.provider());
                insert.setString(5, call.model());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            Refused refusal = later(check(connection, Scope.MEMBER, member, call, now),
                    check(connection, Scope.GUILD, guild, call, now));
            if (refusal == null) {
                return new Admission.Admitted(id);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM ai_usage WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return refusal;
        }
    }

    private Refused check(Connection connection, Scope scope, QuotaLimits limits, Call call, Instant now)
            throws SQLException {
        Refused worst = null;
        for (Window window : Window.values()) {
            long requests = window == Window.HOUR ? limits.requestsPerHour() : limits.requestsPerDay();
            long tokens = window == Window.HOUR ? limits.tokensPerHour() : limits.tokensPerDay();
            if (requests < 0 && tokens < 0) {
                continue;
            }
            List<Row> rows = rows(connection, scope, call, now.minus(window.length()));
            if (requests >= 0 && rows.size() > requests) {
                // the rows hold this call: the oldest (size - limit) must leave the window before it fits
                Instant reset = requests == 0 ? null
                        : rows.get(rows.size() - (int) requests - 1).createdAt().plus(window.length());
                worst = later(worst, new Refused(scope, window, Measure.REQUESTS, requests, reset));
            }
            long used = rows.stream().mapToLong(Row::tokens).sum();
            if (tokens >= 0 && used >= tokens) {
                Instant reset = null;
                for (int i = 0; i < rows.size() && tokens > 0; i++) {
                    used -= rows.get(i).tokens();
                    if (used < tokens) {
                        reset = rows.get(i).createdAt().plus(window.length());
                        break;
                    }
                }
                worst = later(worst, new Refused(scope, window, Measure.TOKENS, tokens, reset));
            }
        }
        return worst;
    }

    /** The refusal that lasts longer; a quota of 0 (no reset) lasts longest. */
    private static Refused later(Refused a, Refused b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.resetsAt() == null || b.resetsAt() == null) {
            return a.resetsAt() == null ? a : b;
        }
        return b.resetsAt().isAfter(a.resetsAt()) ? b : a;
    }

    private List<Row> rows(Connection connection, Scope scope, Call call, Instant since) throws SQLException {
        String sql = "SELECT created_at, GREATEST(prompt_tokens, 0) + GREATEST(completion_tokens, 0) FROM ai_usage "
                + "WHERE guild_id = ? AND created_at > ?" + (scope == Scope.MEMBER ? " AND user_id = ?" : "")
                + " ORDER BY created_at, id";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, call.guildId());
            query.setTimestamp(2, Timestamp.from(since));
            if (scope == Scope.MEMBER) {
                query.setLong(3, call.userId());
            }
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getTimestamp(1).toInstant(), result.getLong(2)));
                }
            }
            return rows;
        }
    }

    /**
     * Completes a call's usage row; a row already finished is left as it is.
     *
     * @param usageId the admitted call's row
     * @param result how it ended
     * @throws SQLException if the database fails
     */
    public void finish(long usageId, Result result) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE ai_usage SET prompt_tokens = ?, completion_tokens = ?, latency_ms = ?, outcome = ?, "
                        + "cost_micros = ? WHERE id = ? AND outcome = 'PENDING'")) {
            update.setInt(1, result.promptTokens());
            update.setInt(2, result.completionTokens());
            update.setInt(3, (int) Math.min(Integer.MAX_VALUE, result.latency().toMillis()));
            update.setString(4, result.outcome());
            update.setLong(5, result.costMicros());
            update.setLong(6, usageId);
            update.executeUpdate();
        }
    }

    /**
     * @param guildId the guild
     * @param userId one member, or null for the whole guild
     * @param since the start of the period
     * @return the sums of the calls made since then
     * @throws SQLException if the database fails
     */
    public Totals totals(long guildId, Long userId, Instant since) throws SQLException {
        return report(guildId, new Filter(userId, null, null, since, null), 0).totals();
    }


    /**
     * Which usage rows a report covers; a null value does not filter.
     *
     * @param userId one member
     * @param provider one provider
     * @param model one model
     * @param from the first time included
     * @param to the first time no longer included
     */
    public record Filter(Long userId, String provider, String model, Instant from, Instant to) {
    }

    /**
     * One call as reported.
     *
     * @param id the row
     * @param userId who asked
     * @param channelId where
     * @param provider the provider's name
     * @param model the model
     * @param promptTokens as reported, -1 if not
     * @param completionTokens as reported, -1 if not
     * @param latencyMillis how long it took
     * @param outcome how it ended ({@code PENDING} while in flight)
     * @param costMicros the estimated cost in millionths
     * @param createdAt when it was asked
     */
    public record Entry(long id, long userId, long channelId, String provider, String model, int promptTokens,
            int completionTokens, int latencyMillis, String outcome, long costMicros, Instant createdAt) {
    }

    /**
     * A report: the sums over every matching row and the newest rows.
     *
     * @param totals the sums of every row that matches
     * @param entries the newest matching rows, newest first
     */
    public record Report(Totals totals, List<Entry> entries) {
    }

    /**
     * @param guildId the guild
     * @param filter which rows
     * @param limit how many rows to list, 0 for the sums alone
     * @return the sums and the newest rows
     * @throws SQLException if the database fails
     */
    public Report report(long guildId, Filter filter, int limit) throws SQLException {
        StringBuilder where = new StringBuilder(" FROM ai_usage WHERE guild_id = ?");
        List<Object> values = new ArrayList<>();
        values.add(guildId);
        condition(where, values, " AND user_id = ?", filter.userId());
        condition(where, values, " AND provider = ?", filter.provider());
        condition(where, values, " AND model = ?", filter.model());
        condition(where, values, " AND created_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(where, values, " AND created_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        try (Connection connection = database.getConnection()) {
            Totals totals;
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), "
                    + "COALESCE(SUM(GREATEST(prompt_tokens, 0)), 0), COALESCE(SUM(GREATEST(completion_tokens, 0)), 0), "
                    + "COALESCE(SUM(cost_micros), 0)" + where)) {
                bind(query, values);
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    totals = new Totals(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4));
                }
            }
            List<Entry> entries = new ArrayList<>();
            if (limit > 0) {
                try (PreparedStatement query = connection.prepareStatement("SELECT id, user_id, channel_id, provider, "
                        + "model, prompt_tokens, completion_tokens, latency_ms, outcome, cost_micros, created_at"
                        + where + " ORDER BY created_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY")) {
                    bind(query, values);
                    try (ResultSet result = query.executeQuery()) {
                        while (result.next()) {
                            entries.add(new Entry(result.getLong(1), result.getLong(2), result.getLong(3),
                                    result.getString(4), result.getString(5), result.getInt(6), result.getInt(7),
                                    result.getInt(8), result.getString(9), result.getLong(10),
                                    result.getTimestamp(11).toInstant()));
                        }
                    }
                }
            }
            return new Report(totals, entries);
        }
    }

    private static void condition(StringBuilder where, List<Object> values, String sql, Object value) {
        if (value != null) {
            where.append(sql);
            values.add(value);
        }
    }

    private static void bind(PreparedStatement query, List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            query.setObject(i + 1, values.get(i));
        }
    }

    /**
     * Sets a guild's limits for a scope: for members, role 0 is the default and another role an override.
     *
     * @param guildId the guild
     * @param scope members or the guild
     * @param roleId 0, or (members only) the role whose members these limits are for
     * @param limits the limits
     * @throws SQLException if the database fails
     */
    public void setLimits(long guildId, Scope scope, long roleId, QuotaLimits limits) throws SQLException {
        if (scope == Scope.GUILD && roleId != 0) {
            throw new IllegalArgumentException("role: a guild's own quota has no role");
        }
        Transactions.inTransaction(database, connection -> {
            delete(connection, guildId, scope, roleId);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai_quota (guild_id, scope, "
                    + "role_id, requests_per_hour, requests_per_day, tokens_per_hour, tokens_per_day) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, guildId);
                insert.setString(2, column(scope));
                insert.setLong(3, roleId);
                insert.setInt(4, limits.requestsPerHour());
                insert.setInt(5, limits.requestsPerDay());
                insert.setLong(6, limits.tokensPerHour());
                insert.setLong(7, limits.tokensPerDay());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Removes a guild's limits for a scope and role: members fall back to the default, the guild to none.
     *
     * @param guildId the guild
     * @param scope members or the guild
     * @param roleId 0, or a role with an override
     * @throws SQLException if the database fails
     */
    public void clearLimits(long guildId, Scope scope, long roleId) throws SQLException {
        try (Connection connection = database.getConnection()) {
            delete(connection, guildId, scope, roleId);
        }
    }

    private static void delete(Connection connection, long guildId, Scope scope, long roleId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ai_quota WHERE guild_id = ? AND scope = ? AND role_id = ?")) {
            delete.setLong(1, guildId);
            delete.setString(2, column(scope));
            delete.setLong(3, roleId);
            delete.executeUpdate();
        }
    }

    /**
     * A member's limits: the most generous of the overrides of the member's roles, if any has one, else the
     * guild's default for members, else none.
     *
     * @param guildId the guild
     * @param roleIds the member's roles
     * @return the limits
     * @throws SQLException if the database fails
     */
    public QuotaLimits memberLimits(long guildId, Collection<Long> roleIds) throws SQLException {
        QuotaLimits fallback = QuotaLimits.UNLIMITED;
        QuotaLimits override = null;
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT role_id, requests_per_hour, requests_per_day, tokens_per_hour, tokens_per_day FROM ai_quota "
                        + "WHERE guild_id = ? AND scope = 'member'")) {
            query.setLong(1, guildId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    QuotaLimits limits = limits(result);
                    long role = result.getLong(1);
                    if (role == 0) {
                        fallback = limits;
                    } else if (roleIds.contains(role)) {
                        override = override == null ? limits : override.mostGenerous(limits);
                    }
                }
            }
        }
        return override != null ? override : fallback;
    }

    /**
     * @param guildId the guild
     * @return the members' limits of each role that overrides the default, by role
     * @throws SQLException if the database fails
     */
    public java.util.Map<Long, QuotaLimits> roleLimits(long guildId) throws SQLException {
        java.util.Map<Long, QuotaLimits> overrides = new java.util.TreeMap<>();
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT role_id, requests_per_hour, requests_per_day, tokens_per_hour, tokens_per_day FROM ai_quota "
                        + "WHERE guild_id = ? AND scope = 'member' AND role_id <> 0")) {
            query.setLong(1, guildId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    overrides.put(result.getLong(1), limits(result));
                }
            }
        }
        return overrides;
    }

    /**
     * @param guildId the guild
     * @return the guild's own limits, or none
     * @throws SQLException if the database fails
     */
    public QuotaLimits guildLimits(long guildId) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT role_id, requests_per_hour, requests_per_day, tokens_per_hour, tokens_per_day FROM ai_quota "
                        + "WHERE guild_id = ? AND scope = 'guild' AND role_id = 0")) {
            query.setLong(1, guildId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? limits(result) : QuotaLimits.UNLIMITED;
            }
        }
    }

    private static QuotaLimits limits(ResultSet result) throws SQLException {
        return new QuotaLimits(result.getInt(2), result.getInt(3), result.getLong(4), result.getLong(5));
    }

    private static String column(Scope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }
}
