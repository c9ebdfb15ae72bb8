package org.hotcog.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import javax.sql.DataSource;

/**
 * Runs work in one database transaction, and again when it lost a race with another transaction.
 * Any command may run twice at once and several processes may share one database, so a write
 * that reads first (a balance, a counter, a settings row) can meet a unique key that another
 * transaction took meanwhile, a serialization failure or a deadlock; running it again then sees
 * the other's result, where giving up would show the member an error for nothing.
 *
 * {@snippet :
 * long balance = Transactions.inTransaction(database, connection -> {
 *     long current = lockBalance(connection, guildId, userId);   // SELECT … FOR UPDATE
 *     if (current < amount) {
 *         throw new NotEnoughCoins(current);                     // a checked exception of the module: rolled back
 *     }
 *     return writeBalance(connection, guildId, userId, current - amount);
 * });
 * }
 */
public final class Transactions {
    /**
     * SQL states after which the work runs again: a unique key taken by another transaction
     * ({@code 23505}), a serialization failure ({@code 40001}), a deadlock ({@code 40P01}), a lock
     * not granted in time ({@code HYT00}, H2).
     */
    public static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01", "HYT00");

    /** How many times the work runs at most. */
    public static final int ATTEMPTS = 10;

    /**
     * Work on the connection of one transaction. It may run several times, so it must have no
     * effect outside the database.
     *
     * @param <T> its result
     * @param <X> a checked exception of its own, which rolls the transaction back and is not retried
     */
    @FunctionalInterface
    public interface Work<T, X extends Exception> {
        /**
         * @param connection the transaction's connection; do not commit, roll back or close it
         * @throws SQLException when the database fails
         */
        T run(Connection connection) throws SQLException, X;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction, committed when it returns and rolled back when it throws;
     * after a {@linkplain #CONFLICTS conflict} it runs again, at most {@value #ATTEMPTS} times in all.
     *
     * @return what the work returned
     * @throws SQLException the database's failure, or the last conflict; nothing was written
     * @throws X the work's own exception; nothing was written
     */
    public static <T, X extends Exception> T inTransaction(DataSource database, Work<T, X> work)
            throws SQLException, X {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = database.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                connection.setAutoCommit(false);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (Exception e) {
                    connection.rollback();
                    throw e;
                } finally {
                    // A pooled connection goes back as it came.
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                if (!CONFLICTS.contains(e.getSQLState()) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
