package org.hotcog.core.internal.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.hotcog.core.internal.metrics.InteractionMetrics;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.utils.TimeUtil;

/**
 * The command log table: who ran what, where, how it ended and how long it took; each entry is also
 * counted in the metrics. Rows are queued
 * and written in batches by one thread, so that recording never slows an interaction; if the
 * database falls behind by more than the queue holds, rows are dropped and counted, never the
 * interaction. The same thread deletes the rows older than {@link CommandLogConfig#keepDays()},
 * one chunk between two batches, so that a first clean-up of millions of rows never holds up the
 * writing for long. {@link #newest} reads it back for {@code GET /api/command-log}.
 */
// Immediate: old rows go whether or not a Discord connection has brought the dispatcher up.
@Component(service = CommandLog.class, immediate = true, configurationPid = CommandLogConfig.PID)
@Designate(ocd = CommandLogConfig.class)
public final class CommandLog {
    private static final Logger LOG = LoggerFactory.getLogger(CommandLog.class);
    private static final int QUEUE = 50_000;
    private static final int BATCH = 500;
    private static final long GATHER_MILLIS = 100;
    private static final int PRUNE_CHUNK = 5_000;
    private static final long PRUNE_EVERY_MILLIS = TimeUnit.HOURS.toMillis(1);

    /** The most rows one page holds. */
    public static final int MAX_PAGE = 500;
    /** How long before its interaction's creation a row may be dated: the clocks of Discord and the bot differ. */
    private static final long CLOCK_SKEW_MILLIS = TimeUnit.MINUTES.toMillis(1);
    /** How long after its creation an interaction may end: its token lasts 15 minutes. */
    private static final long LONGEST_INTERACTION_MILLIS = TimeUnit.MINUTES.toMillis(16);

    /** One row of {@code hotcog_command_log}. */
    record Entry(long atMillis, String correlationId, long guildId, long channelId, long userId, String module,
            String command, Outcome outcome, long latencyMillis, String error) {
    }

    /**
     * What {@link #newest} looks for; a null field matches every row.
     *
     * @param correlationId the reference an error reply showed
     * @param outcome one of the outcomes, in any case
     * @throws IllegalArgumentException for a reference that no interaction has, or an unknown outcome, naming it
     */
    public record Filter(String correlationId, Long guildId, Long userId, String module, String outcome) {
        public Filter {
            if (correlationId != null) {
                createdMillis(correlationId);
            }
            if (outcome != null) {
                String named = outcome.toUpperCase(Locale.ROOT);
                outcome = named;
                if (Arrays.stream(Outcome.values()).noneMatch(known -> known.name().equals(named))) {
                    throw new IllegalArgumentException("\"outcome\" must be one of " + Arrays.toString(Outcome.values()));
                }
            }
        }

        /** When the interaction was created: the reference is its id (a snowflake) in base 36. */
        static long createdMillis(String correlationId) {
            try {
                long snowflake = Long.parseLong(correlationId, 36);
                if (snowflake > 0) {
                    return TimeUtil.getTimeCreated(snowflake).toInstant().toEpochMilli();
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new IllegalArgumentException("\"correlation\" must be a reference as an error reply shows it, "
                    + "such as 1a2b3c4d5e6f");
        }
    }

    private final DataSource database;
    private final InteractionMetrics metrics;
    private final BlockingQueue<Entry> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writer;
    private volatile boolean running = true;
    /** 0: keep every row. */
    private volatile long keepMillis;
    /** Set with each configuration, taken by the writer: delete under the new setting at once. */
    private final AtomicBoolean newSetting = new AtomicBoolean();
    /** When the writer next deletes old rows; the writer's alone. */
    private long nextPruneMillis;

    @Activate
    public CommandLog(CommandLogConfig config, @Reference DataSource database, @Reference InteractionMetrics metrics) {
        this.database = database;
        this.metrics = metrics;
        modified(config);
        this.writer = new Thread(this::writeLoop, "hotcog-command-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Modified
    void modified(CommandLogConfig config) {
        keepMillis = TimeUnit.DAYS.toMillis(Math.max(0, config.keepDays()));
        newSetting.set(true);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(5_000);
    }

    void record(Entry entry) {
        metrics.record(entry.module(), entry.command(), entry.outcome().name(), entry.latencyMillis());
        if (!queue.offer(entry) && dropped.incrementAndGet() % 1000 == 1) {
            LOG.warn("The command log falls behind; {} rows dropped so far", dropped.get());
        }
    }

    /**
     * Rows matching the filter, the newest first, those older than {@code beforeId} when it is positive.
     *
     * @param limit at most this many, and never more than {@link #MAX_PAGE}
     */
    public List<CommandLogRow> newest(Filter filter, int limit, long beforeId) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, at, correlation_id, guild_id, channel_id, user_id, module, "
                + "command, outcome, latency_ms, error FROM hotcog_command_log WHERE id < ?");
        List<Object> values = new ArrayList<>(List.of(beforeId > 0 ? beforeId : Long.MAX_VALUE));
        if (filter.correlationId() != null) {
            // The reference holds when its interaction was created: a range of the indexed "at" finds the row
            // among millions without an index of its own, which every insert would have to update.
            long created = Filter.createdMillis(filter.correlationId());
            sql.append(" AND correlation_id = ? AND at BETWEEN ? AND ?");
            values.addAll(List.of(filter.correlationId(), new Timestamp(created - CLOCK_SKEW_MILLIS),
                    new Timestamp(created + LONGEST_INTERACTION_MILLIS)));
        }
        equal(sql, values, "guild_id", filter.guildId());
        equal(sql, values, "user_id", filter.userId());
        equal(sql, values, "module", filter.module());
        equal(sql, values, "outcome", filter.outcome());
        sql.append(" ORDER BY id DESC FETCH FIRST ? ROWS ONLY");
        values.add(Math.max(1, Math.min(limit, MAX_PAGE)));
        try (Connection c = database.getConnection(); PreparedStatement query = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                query.setObject(i + 1, values.get(i));
            }
            List<CommandLogRow> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new CommandLogRow(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                            Long.toString(row.getLong(4)), Long.toString(row.getLong(5)), Long.toString(row.getLong(6)),
                            row.getString(7), row.getString(8), row.getString(9), row.getInt(10), row.getString(11)));
                }
            }
            return rows;
        }
    }

    /** Adds "column = value" to the query, unless the value is null (any). */
    private static void equal(StringBuilder sql, List<Object> values, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            values.add(value);
        }
    }

    private void writeLoop() {
        List<Entry> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            pruneIfDue();
            try {
                Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                // Under load, gather a moment's rows into one transaction: a commit per row cost
                // a fifth of the bot's CPU in the interaction benchmark.
                if (queue.size() < BATCH && running) {
                    Thread.sleep(GATHER_MILLIS);
                }
                queue.drainTo(batch, BATCH - 1);
            } catch (InterruptedException e) {
                queue.drainTo(batch, BATCH);
                if (batch.isEmpty()) {
                    continue;
                }
            }
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Entry> batch) {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            insertAll(c, batch);
            c.commit();
        } catch (SQLException e) {
            LOG.warn("Could not write {} command log rows: {}", batch.size(), e.getMessage());
        }
    }

    private void pruneIfDue() {
        long now = System.currentTimeMillis();
        // Taken before the setting is read: a setting that comes while this clean-up runs brings another one.
        if (newSetting.getAndSet(false)) {
            nextPruneMillis = now;
        }
        long keep = keepMillis;
        if (keep == 0 || now < nextPruneMillis || !running) {
            return;
        }
        try (Connection c = database.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM hotcog_command_log WHERE id IN "
                        + "(SELECT id FROM hotcog_command_log WHERE at < ? FETCH FIRST " + PRUNE_CHUNK + " ROWS ONLY)")) {
            delete.setTimestamp(1, new Timestamp(now - keep));
            int deleted = delete.executeUpdate();
            // A full chunk leaves more to delete: the next one after the next batch of rows.
            nextPruneMillis = deleted == PRUNE_CHUNK ? now : now + PRUNE_EVERY_MILLIS;
        } catch (SQLException e) {
            LOG.warn("Could not delete old command log rows: {}", e.getMessage());
            nextPruneMillis = now + PRUNE_EVERY_MILLIS;
        }
    }

    private static void insertAll(Connection c, List<Entry> batch) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO hotcog_command_log (at, correlation_id, guild_id, channel_id, user_id, module, command, "
                        + "outcome, latency_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry e : batch) {
                insert.setTimestamp(1, new Timestamp(e.atMillis()));
                insert.setString(2, e.correlationId());
                insert.setLong(3, e.guildId());
                insert.setLong(4, e.channelId());
                insert.setLong(5, e.userId());
                insert.setString(6, e.module());
                insert.setString(7, truncate(e.command(), 200));
                insert.setString(8, e.outcome().name());
                insert.setInt(9, (int) Math.min(Integer.MAX_VALUE, e.latencyMillis()));
                insert.setString(10, e.error() == null ? null : truncate(e.error(), 500));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
