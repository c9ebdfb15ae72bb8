package org.hotcog.tickets.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;

/**
 * The tickets module's way to the database: statements with parameters in order, and transactions
 * that are tried again when the database reports a conflict with another transaction (two opens of
 * the same guild's first ticket, a deadlock under PostgreSQL).
 */
public final class Database {
    /** Reads one row into a value. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    public Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} in a transaction, committed when it returns and rolled back when it throws,
     * again after a conflict with another transaction ({@link Transactions}).
     */
    public <T> T transaction(Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work::run);
        } catch (SQLException e) {
            throw new IllegalStateException("database: " + e.getMessage(), e);
        }
    }

    /** Runs one statement outside a transaction of the caller's; returns the rows it changed. */
    public int update(String sql, Object... parameters) {
        return transaction(connection -> update(connection, sql, parameters));
    }

    /** The rows of a query. */
    public <T> List<T> list(String sql, RowReader<T> reader, Object... parameters) {
        return transaction(connection -> list(connection, sql, reader, parameters));
    }

    /** The first row of a query, if any. */
    public <T> Optional<T> first(String sql, RowReader<T> reader, Object... parameters) {
        List<T> rows = list(sql, reader, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    public static <T> List<T> list(Connection connection, String sql, RowReader<T> reader, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(reader.read(rows));
            }
            return result;
        }
    }

    /** Inserts a row and returns its generated {@code id}. */
    public static long insert(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql, new String[] { "id" })) {
            bind(statement, parameters);
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** A nullable timestamp column as an instant. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            statement.setObject(i + 1, value instanceof Instant at ? Timestamp.from(at) : value);
        }
    }
}
