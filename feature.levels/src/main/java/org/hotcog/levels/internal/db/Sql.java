package org.hotcog.levels.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** The one statement helper the stores share. */
public final class Sql {
    private Sql() {
    }

    /** Runs an update with its parameters in order; returns the rows it changed. */
    public static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
