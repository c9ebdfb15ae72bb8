package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * A bundle's migrations run when it starts, once per version; a broken one leaves the schema as it
 * was and keeps the bundle's database users inactive until a fixed version arrives.
 */
class MigrationTest {
    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    DataSource database;

    private final List<Bundle> installed = new ArrayList<>();

    @AfterEach
    void uninstall() throws Exception {
        for (Bundle bundle : installed) {
            bundle.uninstall();
        }
    }

    @Test
    void migrationsRunOncePerVersionWhenTheBundleStarts() throws Exception {
        String name = unique("notes");
        Map<String, String> v1 = new LinkedHashMap<>();
        v1.put("V1__notes.sql", "CREATE TABLE " + table(name) + " (id INT PRIMARY KEY, text VARCHAR(200));");
        v1.put("V2__first_note.sql", "INSERT INTO " + table(name) + " VALUES (1, 'hello; world');");
        Bundle bundle = install(name, "1.0.0", v1);
        bundle.start();

        assertThat(awaitProbe(name)).as("component with the database is active").isTrue();
        assertThat(count("SELECT COUNT(*) FROM " + table(name))).isEqualTo(1);
        assertThat(history(name)).containsExactly(1L, 2L);

        // Restarting or updating with the same files applies nothing again.
        bundle.stop();
        bundle.start();
        update(bundle, name, "1.0.1", v1);
        assertThat(awaitProbe(name)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM " + table(name))).isEqualTo(1);
        assertThat(history(name)).containsExactly(1L, 2L);

        // A new version brings only its new migration.
        Map<String, String> v2 = new LinkedHashMap<>(v1);
        v2.put("V3__note_author.sql", "ALTER TABLE " + table(name) + " ADD COLUMN author VARCHAR(40);");
        update(bundle, name, "1.1.0", v2);
        assertThat(awaitProbe(name)).isTrue();
        assertThat(history(name)).containsExactly(1L, 2L, 3L);
        assertThat(columns(table(name))).containsExactly("ID", "TEXT", "AUTHOR");
    }

    @Test
    void brokenMigrationLeavesSchemaUnchangedAndComponentsInactive() throws Exception {
        String name = unique("cases");
        Map<String, String> good = new LinkedHashMap<>();
        good.put("V1__cases.sql", "CREATE TABLE " + table(name) + " (id INT PRIMARY KEY);");
        Bundle bundle = install(name, "1.0.0", good);
        bundle.start();
        assertThat(awaitProbe(name)).isTrue();

        Map<String, String> broken = new LinkedHashMap<>(good);
        broken.put("V2__reason.sql", "ALTER TABLE " + table(name) + " ADD COLUMN reason VARCHAR(100);\n"
                + "CREATE TABLE " + table(name) + "_extra (id INT);\n"
                + "ALTER TABLE no_such_table ADD COLUMN x INT;");
        update(bundle, name, "1.1.0", broken);

        assertThat(bundle.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(awaitProbe(name)).as("component stays inactive").isFalse();
        assertThat(columns(table(name))).containsExactly("ID");
        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '"
                + table(name).toUpperCase() + "_EXTRA'")).isZero();
        assertThat(history(name)).containsExactly(1L);

        // The fixed version arrives: its migration runs and the component comes up.
        Map<String, String> fixed = new LinkedHashMap<>(good);
        fixed.put("V2__reason.sql", "ALTER TABLE " + table(name) + " ADD COLUMN reason VARCHAR(100);");
        update(bundle, name, "1.1.1", fixed);
        assertThat(awaitProbe(name)).isTrue();
        assertThat(columns(table(name))).containsExactly("ID", "REASON");
        assertThat(history(name)).containsExactly(1L, 2L);
    }

    private Bundle install(String name, String version, Map<String, String> migrations) throws Exception {
        Bundle bundle = context.installBundle("itest:" + name, TestBundles.withMigrations(name, version, migrations));
        installed.add(bundle);
        return bundle;
    }

    private void update(Bundle bundle, String name, String version, Map<String, String> migrations) throws Exception {
        bundle.update(TestBundles.withMigrations(name, version, migrations));
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        var done = new java.util.concurrent.CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> done.countDown());
        done.await();
    }

    /** Waits up to 5 s for the bundle's probe component; false if it never came. */
    private boolean awaitProbe(String name) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            var refs = context.getServiceReferences(Runnable.class, "(probe=" + name + ")");
            if (!refs.isEmpty()) {
                ServiceReference<Runnable> ref = refs.iterator().next();
                Runnable probe = context.getService(ref);
                try {
                    if (probe != null) {
                        probe.run();
                        return true;
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String unique(String prefix) {
        return "org.hotcog.itest." + prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String table(String bundleName) {
        return bundleName.substring(bundleName.lastIndexOf('.') + 1);
    }

    private int count(String sql) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<Long> history(String owner) throws SQLException {
        List<Long> versions = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version FROM hotcog_schema_history WHERE owner = '" + owner
                        + "' ORDER BY version")) {
            while (rs.next()) {
                versions.add(rs.getLong(1));
            }
        }
        return versions;
    }

    private List<String> columns(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns WHERE table_name = '"
                        + table.toUpperCase() + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
