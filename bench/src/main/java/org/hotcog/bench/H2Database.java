package org.hotcog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** A fresh H2 file database behind HikariCP (a pool of 10), as the runtime runs it on its defaults. */
final class H2Database {
    private H2Database() {
    }

    /**
     * A database in a new temporary folder, with the module's migration applied.
     *
     * @param migration the migration file on the class path, such as {@code V1__economy.sql}
     */
    static HikariDataSource create(String name, String migration) throws IOException, SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + Files.createTempDirectory(name).resolve("hotcog")
                + ";DB_CLOSE_ON_EXIT=FALSE");
        config.setUsername("sa");
        config.setMaximumPoolSize(10);
        HikariDataSource database = new HikariDataSource(config);
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/db/migration/" + migration + "'");
        } catch (SQLException e) {
            database.close();
            throw e;
        }
        return database;
    }
}
