package org.hotcog.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransactionsTest {
    private final JdbcDataSource database = new JdbcDataSource();

    /** A checked exception of a module, as a refusal decided inside the transaction. */
    static final class Refused extends Exception {
        Refused() {
            super("refused");
        }
    }

    @BeforeEach
    void createTable() throws SQLException {
        database.setURL("jdbc:h2:mem:tx" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INT PRIMARY KEY)");
        }
    }

    @Test
    void workThatReturnsIsCommitted() throws SQLException {
        int result = Transactions.inTransaction(database, connection -> insert(connection, 1) + insert(connection, 2));

        assertThat(result).isEqualTo(2);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void theWorksOwnExceptionRollsEverythingBackAndKeepsItsType() throws SQLException {
        assertThatThrownBy(() -> Transactions.inTransaction(database, connection -> {
            insert(connection, 1);
            throw new Refused();
        })).isInstanceOf(Refused.class);

        assertThat(count()).isZero();
    }

    @Test
    void aConflictRunsTheWorkAgainOnAFreshTransaction() throws SQLException {
        AtomicInteger runs = new AtomicInteger();

        Transactions.inTransaction(database, connection -> {
            insert(connection, 1);
            if (runs.incrementAndGet() == 1) {
                throw new SQLException("could not serialize access", "40001");
            }
            return null;
        });

        assertThat(runs).hasValue(2);
        assertThat(count()).as("the first run's row was rolled back").isEqualTo(1);
    }

    @Test
    void aUniqueKeyTakenByAnotherTransactionIsAConflict() throws SQLException {
        insertCommitted(1);
        AtomicInteger runs = new AtomicInteger();

        Transactions.inTransaction(database, connection -> {
            // The first run inserts as if the row were missing; the second sees it and skips it.
            if (runs.incrementAndGet() == 1) {
                insert(connection, 1);
            }
            return insert(connection, 2);
        });

        assertThat(runs).hasValue(2);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void anEndlessConflictGivesUpAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.inTransaction(database, connection -> {
            runs.incrementAndGet();
            throw new SQLException("deadlock detected", "40P01");
        })).isInstanceOf(SQLException.class).hasMessage("deadlock detected");

        assertThat(runs).hasValue(Transactions.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> Transactions.inTransaction(database, connection -> {
            runs.incrementAndGet();
            return insert(connection, 1) + connection.createStatement().executeUpdate("INSERT INTO nowhere VALUES (1)");
        })).isInstanceOf(SQLException.class);

        assertThat(runs).hasValue(1);
    }

    private static int insert(Connection connection, int id) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("INSERT INTO item VALUES (" + id + ")");
        }
    }

    private void insertCommitted(int id) throws SQLException {
        try (Connection connection = database.getConnection()) {
            insert(connection, id);
        }
    }

    private int count() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM item")) {
            row.next();
            return row.getInt(1);
        }
    }
}
