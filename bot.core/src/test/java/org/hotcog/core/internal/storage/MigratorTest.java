package org.hotcog.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migrator against a real H2 database. */
class MigratorTest {
    private JdbcDataSource database;
    private Connection keepAlive;
    private Migrator migrator;

    @BeforeEach
    void setUp() throws SQLException {
        database = h2("live-" + UUID.randomUUID());
        keepAlive = database.getConnection();
        migrator = new Migrator(database, () -> h2("scratch-" + UUID.randomUUID()));
        migrator.createHistoryTable();
    }

    @Test
    void appliesEachVersionOnceInOrder() throws SQLException {
        List<Migration> migrations = List.of(
                migration(2, "INSERT INTO notes (text) VALUES ('second')"),
                migration(1, "CREATE TABLE notes (id INT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(100))"));
        assertThat(migrator.migrate("org.example.notes", "1.0.0", migrations))
                .isEqualTo(new Migrator.Applied(List.of(1L, 2L)));
        assertThat(migrator.migrate("org.example.notes", "1.0.0", migrations))
                .isEqualTo(new Migrator.Applied(List.of()));
        assertThat(count("SELECT COUNT(*) FROM notes")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM hotcog_schema_history WHERE owner = 'org.example.notes'")).isEqualTo(2);
    }

    @Test
    void ownersKeepSeparateHistories() throws SQLException {
        migrator.migrate("a", "1", List.of(migration(1, "CREATE TABLE a_t (id INT)")));
        assertThat(migrator.migrate("b", "1", List.of(migration(1, "CREATE TABLE b_t (id INT)"))))
                .isEqualTo(new Migrator.Applied(List.of(1L)));
    }

    @Test
    void brokenMigrationLeavesTheSchemaUnchanged() throws SQLException {
        migrator.migrate("x", "1", List.of(migration(1, "CREATE TABLE t (id INT)")));
        Migrator.Outcome outcome = migrator.migrate("x", "2", List.of(
                migration(1, "CREATE TABLE t (id INT)"),
                migration(2, "ALTER TABLE t ADD COLUMN name VARCHAR(10); CREATE TABLE u (id INT); SELEC broken")));
        assertThat(outcome).isInstanceOfSatisfying(Migrator.Failed.class, f -> {
            assertThat(f.version()).isEqualTo(2);
            assertThat(f.cause()).contains("SELEC");
        });
        assertThat(columns("T")).containsExactly("ID");
        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'U'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM hotcog_schema_history WHERE owner = 'x'")).isEqualTo(1);
    }

    @Test
    void editedReleasedMigrationIsRefused() throws SQLException {
        migrator.migrate("x", "1", List.of(migration(1, "CREATE TABLE t (id INT)")));
        assertThat(migrator.migrate("x", "2", List.of(migration(1, "CREATE TABLE t (id BIGINT)"))))
                .isInstanceOfSatisfying(Migrator.Failed.class,
                        f -> assertThat(f.cause()).contains("was changed after it was applied"));
    }

    @Test
    void versionBelowTheNewestAppliedIsRefused() throws SQLException {
        migrator.migrate("x", "1", List.of(migration(2, "CREATE TABLE t (id INT)")));
        assertThat(migrator.migrate("x", "2", List.of(migration(1, "CREATE TABLE s (id INT)"),
                migration(2, "CREATE TABLE t (id INT)"))))
                .isInstanceOfSatisfying(Migrator.Failed.class, f -> assertThat(f.version()).isEqualTo(1));
    }

    @Test
    void duplicateVersionsAreRefused() throws SQLException {
        Migration a = new Migration(1, "a", "V1__a.sql", "CREATE TABLE a (id INT)", 1);
        Migration b = new Migration(1, "b", "V1__b.sql", "CREATE TABLE b (id INT)", 2);
        assertThat(migrator.migrate("x", "1", List.of(a, b))).isInstanceOf(Migrator.Failed.class);
        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name IN ('A', 'B')")).isZero();
    }

    private static Migration migration(long version, String sql) {
        CRC32 crc = new CRC32();
        crc.update(sql.getBytes());
        return new Migration(version, "step " + version, "V" + version + "__step.sql", sql, crc.getValue());
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name);
        ds.setUser("sa");
        return ds;
    }

    private int count(String sql) throws SQLException {
        try (ResultSet rs = keepAlive.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<String> columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rs = keepAlive.createStatement().executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = '" + table
                        + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
