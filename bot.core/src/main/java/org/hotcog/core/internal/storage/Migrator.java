package org.hotcog.core.internal.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

/**
 * Applies each owner's migrations in version order, each version once, and records them in
 * {@code hotcog_schema_history}.
 *
 * <p>Why not a migration library: the schema must stay unchanged when a migration fails, and H2
 * commits every DDL statement at once, so no transaction can undo half a migration there. On H2
 * each pending migration is therefore first rehearsed on an in-memory copy of the live schema;
 * only if every statement succeeds there does it run for real. On PostgreSQL, where DDL is
 * transactional, each version runs in one transaction that also holds a lock on the history
 * table, so several processes starting at once apply a version once.
 */
final class Migrator {
    static final String HISTORY_TABLE = "hotcog_schema_history";

    private final DataSource database;
    /** Makes an empty in-memory H2 database for a rehearsal; unused on PostgreSQL. */
    private final Supplier<DataSource> scratchDatabase;

    Migrator(DataSource database, Supplier<DataSource> scratchDatabase) {
        this.database = database;
        this.scratchDatabase = scratchDatabase;
    }

    /** What became of one owner's migrations. */
    sealed interface Outcome permits Applied, Failed {
    }

    /** @param versions the versions applied now, possibly none */
    record Applied(List<Long> versions) implements Outcome {
    }

    /** @param version the version that failed; nothing of it or after it was applied */
    record Failed(long version, String cause) implements Outcome {
    }

    void createHistoryTable() throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
                    + "owner VARCHAR(255) NOT NULL, version BIGINT NOT NULL, description VARCHAR(255) NOT NULL, "
                    + "script VARCHAR(255) NOT NULL, checksum BIGINT NOT NULL, owner_version VARCHAR(64) NOT NULL, "
                    + "installed_at TIMESTAMP NOT NULL, execution_ms INTEGER NOT NULL, PRIMARY KEY (owner, version))");
        }
    }

    /**
     * Brings one owner's schema up to its newest migration.
     *
     * @param owner the bundle symbolic name the history is kept under
     * @param ownerVersion the bundle version, recorded for operators
     */
    Outcome migrate(String owner, String ownerVersion, List<Migration> migrations) throws SQLException {
        List<Migration> sorted = new ArrayList<>(migrations);
        sorted.sort(Comparator.comparingLong(Migration::version));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).version() == sorted.get(i - 1).version()) {
                return new Failed(sorted.get(i).version(), "two files have version " + sorted.get(i).version()
                        + ": " + sorted.get(i - 1).fileName() + " and " + sorted.get(i).fileName());
            }
        }
        Map<Long, Long> applied = appliedChecksums(owner);
        long newestApplied = applied.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Migration> pending = new ArrayList<>();
        for (Migration m : sorted) {
            Long checksum = applied.get(m.version());
            if (checksum != null) {
                if (checksum != m.checksum()) {
                    return new Failed(m.version(), m.fileName() + " was changed after it was applied;"
                            + " released migrations must not change, add a new version instead");
                }
            } else if (m.version() < newestApplied) {
                return new Failed(m.version(), m.fileName() + " is older than the applied version "
                        + newestApplied + "; give it a version above " + newestApplied);
            } else {
                pending.add(m);
            }
        }
        if (pending.isEmpty()) {
            return new Applied(List.of());
        }
        boolean transactionalDdl;
        try (Connection c = database.getConnection()) {
            transactionalDdl = !"H2".equals(c.getMetaData().getDatabaseProductName());
        }
        if (!transactionalDdl) {
            Failed rehearsal = rehearse(pending);
            if (rehearsal != null) {
                return rehearsal;
            }
        }
        List<Long> done = new ArrayList<>();
        for (Migration m : pending) {
            Failed failure = apply(owner, ownerVersion, m, transactionalDdl);
            if (failure != null) {
                return failure;
            }
            done.add(m.version());
        }
        return new Applied(done);
    }

    private Map<Long, Long> appliedChecksums(String owner) throws SQLException {
        Map<Long, Long> applied = new HashMap<>();
        try (Connection c = database.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT version, checksum FROM " + HISTORY_TABLE + " WHERE owner = ?")) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        return applied;
    }

    /** Runs the pending migrations on a copy of the live schema; returns the first failure, or null. */
    private Failed rehearse(List<Migration> pending) throws SQLException {
        List<String> schema = new ArrayList<>();
        try (Connection live = database.getConnection(); Statement s = live.createStatement();
                ResultSet rs = s.executeQuery("SCRIPT NODATA")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!line.startsWith("--") && !line.startsWith("CREATE USER")) {
                    schema.add(line);
                }
            }
        }
        try (Connection scratch = scratchDatabase.get().getConnection(); Statement s = scratch.createStatement()) {
            for (String statement : schema) {
                s.execute(statement);
            }
            for (Migration m : pending) {
                for (String statement : SqlScript.statements(m.script())) {
                    try {
                        s.execute(statement);
                    } catch (SQLException e) {
                        return new Failed(m.version(), e.getMessage());
                    }
                }
            }
        }
        return null;
    }

    private Failed apply(String owner, String ownerVersion, Migration m, boolean transactionalDdl)
            throws SQLException {
        long start = System.nanoTime();
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                if (transactionalDdl) {
                    s.execute("LOCK TABLE " + HISTORY_TABLE + " IN EXCLUSIVE MODE");
                    if (isApplied(c, owner, m.version())) {
                        c.rollback();
                        return null; // another process got there first
                    }
                }
                for (String statement : SqlScript.statements(m.script())) {
                    s.execute(statement);
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + HISTORY_TABLE
                        + " (owner, version, description, script, checksum, owner_version, installed_at, execution_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, owner);
                    insert.setLong(2, m.version());
                    insert.setString(3, m.description());
                    insert.setString(4, m.fileName());
                    insert.setLong(5, m.checksum());
                    insert.setString(6, ownerVersion);
                    insert.setTimestamp(7, new Timestamp(System.currentTimeMillis()));
                    insert.setInt(8, (int) ((System.nanoTime() - start) / 1_000_000));
                    insert.executeUpdate();
                }
                c.commit();
                return null;
            } catch (SQLException e) {
                c.rollback();
                return new Failed(m.version(), e.getMessage());
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static boolean isApplied(Connection c, String owner, long version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM " + HISTORY_TABLE + " WHERE owner = ? AND version = ?")) {
            s.setString(1, owner);
            s.setLong(2, version);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
