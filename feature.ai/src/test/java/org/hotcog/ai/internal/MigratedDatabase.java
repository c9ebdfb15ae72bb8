package org.hotcog.ai.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with every migration of the bundle applied in order, as the core applies them. */
public final class MigratedDatabase implements AutoCloseable {

    /** The bundle's migrations, oldest first. */
    private static final String[] MIGRATIONS = {"V1__ai.sql", "V2__conversations.sql", "V3__settings.sql"};

    private final JdbcDataSource dataSource = new JdbcDataSource();
    /** Keeps the in-memory database alive between the connections of the code under test. */
    private final Connection keepAlive;

    /**
     * @throws SQLException if a migration fails
     */
    public MigratedDatabase() throws SQLException {
        dataSource.setURL("jdbc:h2:mem:ai-" + UUID.randomUUID());
        dataSource.setUser("sa");
        keepAlive = dataSource.getConnection();
        try (Statement statement = keepAlive.createStatement()) {
            for (String migration : MIGRATIONS) {
                statement.execute("RUNSCRIPT FROM 'classpath:/db/migration/" + migration + "'");
            }
        }
    }

    /** The database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** A connection the test may query with (not to be closed by it). */
    public Connection connection() {
        return keepAlive;
    }

    @Override
    public void close() throws SQLException {
        keepAlive.close();
    }
}
