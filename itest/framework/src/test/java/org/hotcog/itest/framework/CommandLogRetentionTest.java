package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/** The command log deletes what is older than the configured days, in chunks, and keeps everything at 0. */
class CommandLogRetentionTest {
    private static final String PID = "org.hotcog.core.commandlog";
    /** More than two of the log's delete chunks (5,000 rows), so that clearing them takes several. */
    private static final int OLD_ROWS = 12_001;

    @InjectService(timeout = 20_000)
    DataSource database;

    @InjectService
    ConfigurationAdmin configurationAdmin;

    /** Correlation ids hold 16 characters: 9 of the mark, 4 of the suffix. */
    private final String mark = "r" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void restoreDefaults() throws Exception {
        configuration().delete();
        try (Connection c = database.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM hotcog_command_log WHERE correlation_id LIKE ?")) {
            delete.setString(1, mark + "%");
            delete.executeUpdate();
        }
    }

    @Test
    void rowsOlderThanTheDaysKeptAreDeletedAndZeroKeepsAll() throws Exception {
        keepDays(0);
        insert(OLD_ROWS, Duration.ofDays(100), "-old");
        insert(1, Duration.ofDays(10), "-new");
        Thread.sleep(1_000); // the writer looks every 200 ms: it would have deleted by now
        assertThat(count("-old")).as("0 keeps every row").isEqualTo(OLD_ROWS);

        keepDays(30);
        awaitCount("-old", 0);
        assertThat(count("-new")).isEqualTo(1);

        keepDays(5);
        awaitCount("-new", 0);
    }

    private Configuration configuration() throws Exception {
        return configurationAdmin.getConfiguration(PID, "?");
    }

    private void keepDays(int days) throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("keepDays", days);
        configuration().update(properties);
    }

    private void insert(int rows, Duration age, String suffix) throws SQLException {
        Timestamp at = Timestamp.from(Instant.now().minus(age));
        try (Connection c = database.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO hotcog_command_log (at, correlation_id, "
                        + "guild_id, channel_id, user_id, module, command, outcome, latency_ms) "
                        + "VALUES (?, ?, 1, 2, 3, 'itest', 'retention', 'OK', 5)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                insert.setTimestamp(1, at);
                insert.setString(2, mark + suffix);
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        }
    }

    private long count(String suffix) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement(
                        "SELECT COUNT(*) FROM hotcog_command_log WHERE correlation_id = ?")) {
            query.setString(1, mark + suffix);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void awaitCount(String suffix, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (count(suffix) != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(count(suffix)).isEqualTo(expected);
    }
}
