package org.hotcog.ai.internal;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** Runs work in one database transaction: all of it is written, or none of it. */
public final class Transactions {

    /** Work on a connection whose changes commit together. */
    @FunctionalInterface
    public interface Work {
        /**
         * @param connection the transaction's connection
         * @throws SQLException if the database fails; the transaction is rolled back
         */
        void run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    /**
     * @param database the database
     * @param work what to write
     * @throws SQLException if the database fails; nothing is written
     */
    public static void inTransaction(DataSource database, Work work) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
