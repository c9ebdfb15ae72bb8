package org.hotcog.core.internal.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Hotcog's configuration: the keys of one properties file, each overridable by an environment
 * variable {@code HOTCOG_<KEY>}. Read once by the launcher before the framework starts (so a bad
 * value stops start-up with a clear message) and again by the core whenever the file changes.
 *
 * <p>Precedence, highest first: environment, file, default.
 */
public final class Settings {
    /** Environment variable naming the configuration file. */
    public static final String CONFIG_FILE_VARIABLE = "HOTCOG_CONFIG";
    /** The file read when {@link #CONFIG_FILE_VARIABLE} is not set (it need not exist). */
    public static final String DEFAULT_CONFIG_FILE = "hotcog.properties";

    public static final Setting DATA_DIR = new Setting("data.dir", "data", ValueForm.PATH, false,
            "Folder for the database, framework storage and generated credentials.");
    public static final Setting HTTP_HOST = new Setting("http.host", "127.0.0.1", ValueForm.HOST, false,
            "Address the web server listens on; 0.0.0.0 for every interface.");
    public static final Setting HTTP_PORT = new Setting("http.port", "8080", ValueForm.PORT, false,
            "Port of the web server (REST API, web console, playground).");
    public static final Setting DATABASE_URL = new Setting("database.url", "", ValueForm.JDBC_URL, false,
            "JDBC URL; empty for the embedded H2 database in the data folder.");
    public static final Setting DATABASE_USER = new Setting("database.user", "", ValueForm.TEXT, false,
            "Database user; empty for the embedded database's default.");
    public static final Setting DATABASE_PASSWORD = new Setting("database.password", "", ValueForm.TEXT, true,
            "Database password.");
    public static final Setting DATABASE_POOL_SIZE = new Setting("database.pool.size", "10", ValueForm.POOL_SIZE,
            false, "Most connections open to the database at once.");
    public static final Setting CONSOLE_USER = new Setting("console.user", "admin", ValueForm.USER_NAME, false,
            "User name of the web console.");
    public static final Setting CONSOLE_PASSWORD = new Setting("console.password", "", ValueForm.PASSWORD, true,
            "Password of the web console; when empty, one is generated at first start into "
                    + "<data.dir>/console-password (readable by the owner only).");
    public static final Setting DISCORD_TOKEN = new Setting("discord.token", "", ValueForm.DISCORD_TOKEN, true,
            "The bot's token. Empty: offline mode, on the built-in local Discord with a demo guild.");
    public static final Setting DISCORD_API_URL = new Setting("discord.api.url", "", ValueForm.URL, false,
            "Base URL of a Discord-compatible REST API, such as http://127.0.0.1:9000/api/v10/; empty for Discord.");
    public static final Setting DISCORD_GATEWAY_URL = new Setting("discord.gateway.url", "", ValueForm.URL, false,
            "URL of a Discord-compatible gateway, such as ws://127.0.0.1:9001/; empty for Discord.");
    public static final Setting DISCORD_SHARDS = new Setting("discord.shards", "", ValueForm.SHARDS, false,
            "The shards this process runs, as \"<ids> of <total>\" (\"0-1 of 4\"); empty for all shards.");
    public static final Setting DISCORD_DEV_GUILDS = new Setting("discord.dev.guilds", "", ValueForm.SNOWFLAKES,
            false, "Guild ids to register commands in instead of globally (instant updates while developing).");
    public static final Setting OWNER_IDS = new Setting("owner.ids", "", ValueForm.SNOWFLAKES, false,
            "Discord user ids of the bot's owners, who may use the owner-only commands.");
    public static final Setting ADMIN_TOKEN = new Setting("admin.token", "", ValueForm.API_TOKEN, true,
            "An admin token of the REST API, accepted as long as it is configured. When empty and no token exists, "
                    + "the first start writes one into <data.dir>/admin-token (readable by the owner only).");
    public static final Setting SECRET_KEY = new Setting("secret.key", "", ValueForm.SECRET_KEY, true,
            "Key that encrypts the secrets modules store (panel and provider API keys). When empty, the first "
                    + "start generates one into <data.dir>/secret-key (readable by the owner only).");
    public static final Setting API_RATE_LIMIT = new Setting("api.rate.limit", "50", ValueForm.RATE, false,
            "Requests per second each REST API token may make, in bursts of up to twice as many; "
                    + "a token can be given its own limit.");
    public static final Setting API_CORS_ORIGINS = new Setting("api.cors.origins", "", ValueForm.ORIGINS, false,
            "Web origins allowed to call the REST API from a browser (CORS); empty: none.");
    public static final Setting LOG_LEVEL = new Setting("log.level", "info", ValueForm.LOG_LEVEL, false,
            "Least severe log level printed.");

    /** Every key, in the order the documentation lists them. */
    public static final List<Setting> ALL = List.of(DATA_DIR, HTTP_HOST, HTTP_PORT, DATABASE_URL, DATABASE_USER,
            DATABASE_PASSWORD, DATABASE_POOL_SIZE, CONSOLE_USER, CONSOLE_PASSWORD, DISCORD_TOKEN, DISCORD_API_URL,
            DISCORD_GATEWAY_URL, DISCORD_SHARDS, DISCORD_DEV_GUILDS, OWNER_IDS, ADMIN_TOKEN, SECRET_KEY, API_RATE_LIMIT,
            API_CORS_ORIGINS, LOG_LEVEL);

    private final Map<String, String> values;
    private final Path source;

    private Settings(Map<String, String> values, Path source) {
        this.values = values;
        this.source = source;
    }

    /** Where the configuration file is looked for, given the environment. */
    public static Path configFile(Map<String, String> environment) {
        return Path.of(environment.getOrDefault(CONFIG_FILE_VARIABLE, DEFAULT_CONFIG_FILE));
    }

    /**
     * Reads the file (if it exists) and the environment, and checks every value.
     *
     * @throws InvalidSettingsException naming each bad key and the form it expects
     */
    public static Settings load(Path file, Map<String, String> environment) throws InvalidSettingsException {
        List<String> problems = new ArrayList<>();
        Properties fromFile = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                fromFile.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                problems.add("cannot read " + file + ": " + e.getMessage());
            }
        } else if (environment.containsKey(CONFIG_FILE_VARIABLE)) {
            problems.add(CONFIG_FILE_VARIABLE + " names " + file + ", which is not a readable file.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : ALL) {
            String value = environment.get(setting.environmentVariable());
            if (value == null) {
                value = fromFile.getProperty(setting.key(), setting.defaultValue());
            }
            value = value.trim();
            setting.problemWith(value).ifPresent(problems::add);
            values.put(setting.key(), value);
        }
        for (String key : fromFile.stringPropertyNames()) {
            if (ALL.stream().noneMatch(s -> s.key().equals(key))) {
                problems.add("unknown key " + key + " in " + file + "; the keys are listed in docs/configuration.md.");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return new Settings(values, file);
    }

    public String get(Setting setting) {
        return values.get(setting.key());
    }

    public int getInt(Setting setting) {
        return Integer.parseInt(get(setting));
    }

    public boolean isSet(Setting setting) {
        return !get(setting).isEmpty();
    }

    public Path dataDir() {
        return Path.of(get(DATA_DIR)).toAbsolutePath().normalize();
    }

    /** The JDBC URL to use: the configured one, or the embedded H2 file database in the data folder. */
    public String databaseUrl() {
        if (isSet(DATABASE_URL)) {
            return get(DATABASE_URL);
        }
        // AUTO_SERVER is off on purpose: one process owns the file; several processes need PostgreSQL.
        return "jdbc:h2:file:" + dataDir().resolve("db").resolve("hotcog") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The file these settings came from (it may not exist). */
    public Path source() {
        return source;
    }
}
