package org.hotcog.core.internal.config;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hotcog.core.internal.auth.AdminConfig;
import org.hotcog.core.internal.discord.DiscordConfig;
import org.hotcog.core.internal.secrets.SecretBoxConfig;
import org.hotcog.core.internal.settings.InvalidSettingsException;
import org.hotcog.core.internal.settings.Setting;
import org.hotcog.core.internal.settings.Settings;
import org.hotcog.core.internal.settings.ShardSpec;
import org.hotcog.core.internal.storage.StorageConfig;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the configuration file and the {@code HOTCOG_*} environment into ConfigAdmin
 * configurations, and does it again whenever the file changes, so that components pick up a new
 * value without a restart. A file edited into an invalid state is reported by key and ignored: the
 * last valid configuration stays in force.
 */
@Component(service = Secrets.class, immediate = true)
public final class ConfigurationPublisher implements Secrets {
    /** Framework property with the configuration file's path, set by the launcher. */
    public static final String CONFIG_FILE_PROPERTY = "hotcog.config.file";
    /** Configuration of the offline local Discord (bot.emulator); present only without a token. */
    public static final String OFFLINE_PID = "org.hotcog.emulator.offline";
    /** Framework property that, set to false, keeps the offline demo from starting without a token. */
    public static final String OFFLINE_DEMO_PROPERTY = "hotcog.offline.demo";
    /** Framework property with the data folder, set by the launcher. */
    public static final String DATA_DIR_PROPERTY = "hotcog.data.dir";

    private static final long SETTLE_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationPublisher.class);

    private final ConfigurationAdmin configurationAdmin;
    private final Map<String, String> environment;
    private final Path file;
    /** Integration tests run their own local Discords and switch the demo off with this framework property. */
    private final boolean offlineDemo;
    private final WatchService watcher;
    private volatile Settings current;
    /**
     * Bumped when a secret changes, and published instead of the secret, so that the components
     * using it are rebuilt with the new value.
     */
    private int secretsRevision;
    /**
     * Bumped when the secret key alone changes: the secret box is rebuilt with it, and the modules
     * using the box with it, but not for a new database password.
     */
    private int secretKeyRevision;
    private final Thread watchThread;

    @Activate
    public ConfigurationPublisher(BundleContext context, @Reference ConfigurationAdmin configurationAdmin)
            throws IOException, InvalidSettingsException {
        this.configurationAdmin = configurationAdmin;
        this.environment = environmentWithDataDir(context);
        this.offlineDemo = !"false".equals(context.getProperty(OFFLINE_DEMO_PROPERTY));
        String configured = context.getProperty(CONFIG_FILE_PROPERTY);
        this.file = (configured != null ? Path.of(configured) : Settings.configFile(environment)).toAbsolutePath();
        publish(Settings.load(file, environment));
        this.watcher = FileSystems.getDefault().newWatchService();
        this.watchThread = new Thread(this::watch, "hotcog-config-watch");
        this.watchThread.setDaemon(true);
        if (Files.isDirectory(file.getParent())) {
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            watchThread.start();
        } else {
            LOG.warn("{} does not exist; changes to {} will apply at the next start only", file.getParent(), file);
        }
    }

    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        watcher.close();
        if (watchThread.isAlive()) {
            watchThread.join(2000);
        }
    }

    /** The launcher resolved the data folder already; keep using that one even if the file says otherwise. */
    private static Map<String, String> environmentWithDataDir(BundleContext context) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        if (dataDir != null) {
            env.put(Settings.DATA_DIR.environmentVariable(), dataDir);
        }
        return env;
    }

    private void watch() {
        try {
            while (true) {
                boolean ours = touchesFile(watcher.take());
                // An editor's save is often a truncate and then a write: wait for the file to settle.
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    ours |= touchesFile(more);
                }
                if (ours) {
                    reload();
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException e) {
            // deactivated
        }
    }

    private boolean touchesFile(WatchKey key) {
        boolean ours = key.pollEvents().stream().anyMatch(e -> file.getFileName().equals(e.context()));
        key.reset();
        return ours;
    }

    private void reload() {
        try {
            publish(Settings.load(file, environment));
            LOG.info("Configuration reloaded from {}", file);
        } catch (InvalidSettingsException e) {
            LOG.error("{} has errors and was not applied; the previous configuration stays in force. {}",
                    file, e.getMessage());
        } catch (IOException e) {
            LOG.error("Could not apply the configuration from {}: {}", file, e.toString());
        }
    }

    @Override
    public String databasePassword() {
        return current.get(Settings.DATABASE_PASSWORD);
    }

    @Override
    public String discordToken() {
        return current.get(Settings.DISCORD_TOKEN);
    }

    @Override
    public String adminToken() {
        return current.get(Settings.ADMIN_TOKEN);
    }

    @Override
    public String secretKey() {
        return current.get(Settings.SECRET_KEY);
    }

    private synchronized void publish(Settings settings) throws IOException {
        Settings previous = current;
        if (previous != null && Settings.ALL.stream().filter(Setting::secret)
                .anyMatch(secret -> !previous.get(secret).equals(settings.get(secret)))) {
            secretsRevision++;
        }
        if (previous != null && !previous.get(Settings.SECRET_KEY).equals(settings.get(Settings.SECRET_KEY))) {
            secretKeyRevision++;
        }
        current = settings;
        String url = settings.databaseUrl();
        Dictionary<String, Object> storage = new Hashtable<>();
        storage.put("url", url);
        storage.put("user", settings.isSet(Settings.DATABASE_USER) ? settings.get(Settings.DATABASE_USER)
                : url.startsWith("jdbc:h2:") ? "sa" : "");
        storage.put("secretsRevision", secretsRevision);
        storage.put("poolSize", settings.getInt(Settings.DATABASE_POOL_SIZE));
        storage.put("dataSourceFactory.target", "(osgi.jdbc.driver.class="
                + (url.startsWith("jdbc:postgresql:") ? "org.postgresql.Driver" : "org.h2.Driver") + ")");
        configurationAdmin.getConfiguration(StorageConfig.PID, "?").updateIfDifferent(storage);
        publishAdmin(settings);
        publishDiscord(settings);
        Dictionary<String, Object> secretBox = new Hashtable<>();
        secretBox.put("dataDir", settings.dataDir().toString());
        secretBox.put("secretKeyRevision", secretKeyRevision);
        configurationAdmin.getConfiguration(SecretBoxConfig.PID, "?").updateIfDifferent(secretBox);
    }

    private void publishAdmin(Settings settings) throws IOException {
        Dictionary<String, Object> admin = new Hashtable<>();
        admin.put("dataDir", settings.dataDir().toString());
        admin.put("secretsRevision", secretsRevision);
        admin.put("ownerIds", ids(settings.get(Settings.OWNER_IDS)));
        admin.put("rateLimit", settings.getInt(Settings.API_RATE_LIMIT));
        admin.put("corsOrigins", settings.get(Settings.API_CORS_ORIGINS).isBlank() ? new String[0]
                : settings.get(Settings.API_CORS_ORIGINS).split("\\s*,\\s*"));
        configurationAdmin.getConfiguration(AdminConfig.PID, "?").updateIfDifferent(admin);
    }

    /**
     * With a token, the connection goes to Discord (or the configured compatible server). Without
     * one, the bot runs offline: the local Discord starts and configures the connection itself.
     */
    private void publishDiscord(Settings settings) throws IOException {
        Configuration offline = configurationAdmin.getConfiguration(OFFLINE_PID, "?");
        if (!settings.isSet(Settings.DISCORD_TOKEN)) {
            if (offlineDemo) {
                offline.updateIfDifferent(new Hashtable<>(Map.of("enabled", true)));
            }
            return;
        }
        if (offline.getProperties() != null) {
            offline.delete();
        }
        Dictionary<String, Object> discord = new Hashtable<>();
        discord.put("secretsRevision", secretsRevision);
        discord.put("apiUrl", settings.get(Settings.DISCORD_API_URL));
        discord.put("gatewayUrl", settings.get(Settings.DISCORD_GATEWAY_URL));
        if (settings.isSet(Settings.DISCORD_SHARDS)) {
            ShardSpec shards = ShardSpec.parse(settings.get(Settings.DISCORD_SHARDS));
            discord.put("shardIds", shards.ids().stream().mapToInt(Integer::intValue).toArray());
            discord.put("shardTotal", shards.total());
        }
        discord.put("devGuilds", ids(settings.get(Settings.DISCORD_DEV_GUILDS)));
        configurationAdmin.getConfiguration(DiscordConfig.PID, "?").updateIfDifferent(discord);
    }

    private static long[] ids(String list) {
        return list.isBlank() ? new long[0]
                : Arrays.stream(list.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
    }
}
