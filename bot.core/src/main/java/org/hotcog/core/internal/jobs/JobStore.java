package org.hotcog.core.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

import javax.sql.DataSource;

/**
 * The SQL of {@code hotcog_job}, as one process sees it. Every process sharing the database has
 * its own store with its own {@code processId}; a job is run by the process whose claim (a
 * conditional UPDATE) changed its row, so two processes never both hold it.
 *
 * <p>Works on H2 and PostgreSQL with plain SQL: no row-locking extensions. All methods throw
 * {@link SQLException} and leave retrying to the caller.
 */
final class JobStore {
    static final String SCHEDULED = "SCHEDULED";
    static final String FAILED = "FAILED";
    private static final String COLUMNS = "id, module, kind, job_key, payload, due_at, repeat_ms, attempts";

    private final DataSource database;
    private final String processId;
    private final Clock clock;

    JobStore(DataSource database, String processId, Clock clock) {
        this.database = database;
        this.processId = processId;
        this.clock = clock;
    }

    /**
     * Stores the job, replacing the one with the same module, kind and key (a run of it already
     * leased finishes, but its outcome no longer touches the new row, which has a new id).
     *
     * @param guildId the guild the job is about, whose shard's process runs it; 0 for none
     */
    void schedule(ModuleKind type, String key, long guildId, String payload, long dueAt, long repeatMillis)
            throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            for (int tries = 1;; tries++) {
                try (PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM hotcog_job WHERE module = ? AND kind = ? AND job_key = ?");
                        PreparedStatement insert = c.prepareStatement("INSERT INTO hotcog_job (module, kind, job_key, "
                                + "payload, due_at, next_try_at, repeat_ms, guild_id, attempts, state) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, '" + SCHEDULED + "')")) {
                    bindIdentity(delete, type, key);
                    delete.executeUpdate();
                    bindIdentity(insert, type, key);
                    insert.setString(4, payload);
                    insert.setLong(5, dueAt);
                    insert.setLong(6, dueAt);
                    if (repeatMillis > 0) {
                        insert.setLong(7, repeatMillis);
                    } else {
                        insert.setNull(7, Types.BIGINT);
                    }
                    if (guildId > 0) {
                        insert.setLong(8, guildId);
                    } else {
                        insert.setNull(8, Types.BIGINT);
                    }
                    insert.executeUpdate();
                    c.commit();
                    return;
                } catch (SQLException e) {
                    c.rollback();
                    // Another process inserted the same key between our DELETE and INSERT: do it again.
                    if (tries >= 3 || e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Deletes the job whatever its state; false if there was none. */
    boolean cancel(ModuleKind type, String key) throws SQLException {
        return update("DELETE FROM hotcog_job WHERE module = ? AND kind = ? AND job_key = ?", type.module(),
                type.kind(), key) > 0;
    }

    /** When a scheduled job is tried next; empty if there is none or it was given up. */
    OptionalLong nextTry(ModuleKind type, String key) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT next_try_at FROM hotcog_job WHERE module = ? AND kind = ? AND job_key = ? AND state = '"
                        + SCHEDULED + "'")) {
            bindIdentity(select, type, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Leases up to {@code limit} due jobs of the given types to this process, oldest first: jobs
     * without a guild, and guild jobs of the shards it runs. Each one is claimed by an UPDATE that
     * only succeeds if the row is still due, free (or its lease ran out) and unchanged since it was
     * read; a row another process claimed first is skipped.
     */
    List<StoredJob> claim(Collection<ModuleKind> types, LocalShards shards, int limit, long leaseMillis)
            throws SQLException {
        List<StoredJob> claimed = new ArrayList<>();
        if (types.isEmpty() || limit <= 0) {
            return claimed;
        }
        long now = clock.millis();
        try (Connection c = database.getConnection()) {
            List<StoredJob> candidates = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM hotcog_job"
                    + " WHERE state = '" + SCHEDULED + "' AND next_try_at <= ? AND (lease_until IS NULL OR lease_until < ?)"
                    + " AND (" + typeFilter(types) + ") AND " + shards.filter()
                    + " ORDER BY next_try_at FETCH FIRST ? ROWS ONLY")) {
                select.setLong(1, now);
                select.setLong(2, now);
                select.setInt(shards.bind(select, bindTypes(select, 3, types)), limit);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(read(rs));
                    }
                }
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE hotcog_job SET lease_owner = ?, lease_until = ?"
                    + " WHERE id = ? AND due_at = ? AND attempts = ? AND state = '" + SCHEDULED + "'"
                    + " AND next_try_at <= ? AND (lease_until IS NULL OR lease_until < ?)")) {
                for (StoredJob job : candidates) {
                    update.setString(1, processId);
                    update.setLong(2, now + leaseMillis);
                    update.setLong(3, job.id());
                    update.setLong(4, job.dueAt());
                    update.setInt(5, job.attempts());
                    update.setLong(6, now);
                    update.setLong(7, now);
                    if (update.executeUpdate() == 1) {
                        claimed.add(job);
                    }
                }
            }
        }
        return claimed;
    }

    /** The earliest time a free job of the given types that this process may run is due; empty if there is none. */
    OptionalLong nextDue(Collection<ModuleKind> types, LocalShards shards) throws SQLException {
        if (types.isEmpty()) {
            return OptionalLong.empty();
        }
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT MIN(next_try_at) FROM hotcog_job WHERE state = '" + SCHEDULED + "'"
                        + " AND (lease_until IS NULL OR lease_until < ?) AND (" + typeFilter(types) + ") AND "
                        + shards.filter())) {
            select.setLong(1, clock.millis());
            shards.bind(select, bindTypes(select, 2, types));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(min);
            }
        }
    }

    /** A run succeeded: a one-off job is deleted, a repeating one moves to its next time on its grid. */
    void succeeded(StoredJob job) throws SQLException {
        if (job.repeating()) {
            long next = job.nextOnGrid(clock.millis());
            release(job, next, next, 0, SCHEDULED, null);
            return;
        }
        update("DELETE FROM hotcog_job WHERE id = ? AND lease_owner = ?", job.id(), processId);
    }

    /**
     * Gives the job back with new times, attempts and state. Touches the row only while this
     * process still holds it: a job replaced or cancelled meanwhile, or whose lease ran out and
     * was taken by another process, is left to its new owner.
     */
    void release(StoredJob job, long dueAt, long nextTryAt, int attempts, String state, String lastError)
            throws SQLException {
        update("UPDATE hotcog_job SET due_at = ?, next_try_at = ?, attempts = ?, state = ?, last_error = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?", dueAt, nextTryAt, attempts,
                state, lastError, job.id(), processId);
    }

    /** Gives a claimed job back as it was, for the next look to find (its handler left meanwhile). */
    void unclaim(StoredJob job) throws SQLException {
        update("UPDATE hotcog_job SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                job.id(), processId);
    }

    /** Extends the leases of every job this process is running. */
    void renewLeases(long leaseMillis) throws SQLException {
        update("UPDATE hotcog_job SET lease_until = ? WHERE lease_owner = ?", clock.millis() + leaseMillis,
                processId);
    }

    /** Frees every job this process still holds, for this or another process to run. */
    void releaseLeases() throws SQLException {
        update("UPDATE hotcog_job SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?", processId);
    }

    long now() {
        return clock.millis();
    }

    /** Runs one statement with the parameters in order (a null one as SQL NULL); returns the rows changed. */
    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement.executeUpdate();
        }
    }

    private static String typeFilter(Collection<ModuleKind> types) {
        return String.join(" OR ", types.stream().map(t -> "(module = ? AND kind = ?)").toList());
    }

    /** Binds the parameters of {@link #typeFilter} from index {@code i}; returns the next index. */
    private static int bindTypes(PreparedStatement statement, int i, Collection<ModuleKind> types)
            throws SQLException {
        for (ModuleKind type : types) {
            statement.setString(i++, type.module());
            statement.setString(i++, type.kind());
        }
        return i;
    }

    private static void bindIdentity(PreparedStatement statement, ModuleKind type, String key) throws SQLException {
        statement.setString(1, type.module());
        statement.setString(2, type.kind());
        statement.setString(3, key);
    }

    private static StoredJob read(ResultSet rs) throws SQLException {
        return new StoredJob(rs.getLong(1), new ModuleKind(rs.getString(2), rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getInt(8));
    }
}
