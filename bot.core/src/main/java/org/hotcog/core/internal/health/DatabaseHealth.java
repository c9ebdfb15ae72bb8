package org.hotcog.core.internal.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** The database is healthy when a pooled connection answers a validity check within two seconds. */
@Component
public final class DatabaseHealth implements HealthCheck {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DataSource database;

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Health check() {
        Map<String, Object> details = new LinkedHashMap<>();
        DataSource current = database;
        if (current == null) {
            details.put("state", "UNAVAILABLE");
            return new Health(false, details);
        }
        long start = System.nanoTime();
        try (Connection connection = current.getConnection()) {
            boolean valid = connection.isValid(2);
            details.put("state", valid ? "UP" : "DOWN");
            details.put("product", connection.getMetaData().getDatabaseProductName());
            details.put("latencyMs", (System.nanoTime() - start) / 1_000_000);
            return new Health(valid, details);
        } catch (SQLException e) {
            details.put("state", "DOWN");
            details.put("error", e.getMessage());
            return new Health(false, details);
        }
    }
}
