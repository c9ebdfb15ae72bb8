package org.hotcog.core.internal.storage;

import java.io.IOException;
import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.hotcog.api.storage.Migrations;
import org.hotcog.core.internal.config.Secrets;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Owns the connection pool and offers it to every bundle as a {@link DataSource} service.
 *
 * <p>The service is a {@link ServiceFactory}: before a bundle receives its {@code DataSource},
 * that bundle's migrations are applied. A bundle whose migration failed receives nothing, so its
 * components that need the database stay inactive until a fixed version of the bundle arrives.
 * Migrations also run as soon as a bundle starts, whether or not it asked for the database yet.
 * Each bundle gets its own thin view of the pool that cannot close it.
 */
@Component(service = PoolUsage.class, configurationPid = StorageConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = StorageConfig.class)
public final class DatabaseService implements PoolUsage {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseService.class);

    private final HikariDataSource pool;
    private final Migrator migrator;
    /** Per bundle id: the bundle revision (last-modified stamp) migrated, and whether it succeeded. */
    private final Map<Long, MigrationState> migrated = new HashMap<>();
    private final BundleTracker<Bundle> tracker;
    private final ServiceRegistration<DataSource> registration;

    private record MigrationState(long lastModified, boolean succeeded) {
    }

    @Activate
    public DatabaseService(BundleContext context, StorageConfig config,
            @Reference(name = "dataSourceFactory") DataSourceFactory driver, @Reference Secrets secrets)
            throws SQLException {
        this.pool = openPool(config, secrets.databasePassword(), driver);
        this.migrator = new Migrator(pool, () -> scratchDatabase(driver));
        migrator.createHistoryTable();
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, null) {
            @Override
            public Bundle addingBundle(Bundle bundle, BundleEvent event) {
                ensureMigrated(bundle);
                return bundle;
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Bundle object) {
                ensureMigrated(bundle);
            }
        };
        tracker.open();
        Hashtable<String, Object> properties = new Hashtable<>();
        try (var connection = pool.getConnection()) {
            properties.put("hotcog.database.product", connection.getMetaData().getDatabaseProductName());
        }
        properties.put(Constants.SERVICE_DESCRIPTION, "Hotcog database (pooled)");
        this.registration = context.registerService(DataSource.class, new PerBundleDataSource(), properties);
        LOG.info("Database ready: {} (pool of up to {})", redact(config.url()), config.poolSize());
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        tracker.close();
        pool.close();
    }

    @Override
    public int active() {
        return pool.getHikariPoolMXBean().getActiveConnections();
    }

    @Override
    public int idle() {
        return pool.getHikariPoolMXBean().getIdleConnections();
    }

    @Override
    public int waiting() {
        return pool.getHikariPoolMXBean().getThreadsAwaitingConnection();
    }

    @Override
    public int maximum() {
        return pool.getMaximumPoolSize();
    }

    private static HikariDataSource openPool(StorageConfig config, String password, DataSourceFactory driver)
            throws SQLException {
        Properties props = new Properties();
        props.put(DataSourceFactory.JDBC_URL, config.url());
        if (!config.user().isEmpty()) {
            props.put(DataSourceFactory.JDBC_USER, config.user());
        }
        if (!password.isEmpty()) {
            props.put(DataSourceFactory.JDBC_PASSWORD, password);
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("hotcog");
        hikari.setDataSource(driver.createDataSource(props));
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(Math.min(2, config.poolSize()));
        hikari.setRegisterMbeans(false);
        return new HikariDataSource(hikari);
    }

    private static DataSource scratchDatabase(DataSourceFactory driver) {
        Properties props = new Properties();
        props.put(DataSourceFactory.JDBC_URL, "jdbc:h2:mem:rehearsal-" + UUID.randomUUID());
        props.put(DataSourceFactory.JDBC_USER, "sa");
        try {
            return driver.createDataSource(props);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the rehearsal database", e);
        }
    }

    /** Applies the bundle's pending migrations once per bundle revision; true if its schema is current. */
    synchronized boolean ensureMigrated(Bundle bundle) {
        MigrationState state = migrated.get(bundle.getBundleId());
        if (state != null && state.lastModified() == bundle.getLastModified()) {
            return state.succeeded();
        }
        boolean succeeded = migrate(bundle);
        migrated.put(bundle.getBundleId(), new MigrationState(bundle.getLastModified(), succeeded));
        return succeeded;
    }

    private boolean migrate(Bundle bundle) {
        Enumeration<URL> entries = bundle.findEntries(Migrations.FOLDER, "*.sql", false);
        if (entries == null) {
            return true;
        }
        String owner = bundle.getSymbolicName();
        String version = bundle.getVersion().toString();
        List<Migration> migrations = new ArrayList<>();
        try {
            for (URL entry : Collections.list(entries)) {
                String path = entry.getPath();
                migrations.add(Migration.read(entry, path.substring(path.lastIndexOf('/') + 1)));
            }
            Migrator.Outcome outcome = migrator.migrate(owner, version, migrations);
            if (outcome instanceof Migrator.Failed failed) {
                LOG.error("Migration V{} of bundle {} {} failed: {}. The schema is unchanged; the bundle's "
                        + "components that use the database stay inactive.", failed.version(), owner, version,
                        failed.cause());
                return false;
            }
            List<Long> applied = ((Migrator.Applied) outcome).versions();
            if (!applied.isEmpty()) {
                LOG.info("Applied migrations {} of bundle {} {}", applied, owner, version);
            }
            return true;
        } catch (IOException | SQLException | IllegalArgumentException e) {
            LOG.error("Migrations of bundle {} {} could not run: {}. The bundle's components that use the "
                    + "database stay inactive.", owner, version, e.getMessage());
            return false;
        }
    }

    /** The URL as it may be logged: no password parameter. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    /** Hands out the pool to a bundle only once that bundle's schema is current. */
    private final class PerBundleDataSource implements ServiceFactory<DataSource> {
        @Override
        public DataSource getService(Bundle bundle, ServiceRegistration<DataSource> registration) {
            return ensureMigrated(bundle) ? new PoolView(pool) : null;
        }

        @Override
        public void ungetService(Bundle bundle, ServiceRegistration<DataSource> registration, DataSource service) {
            // The pool is shared; nothing to release per bundle.
        }
    }
}
