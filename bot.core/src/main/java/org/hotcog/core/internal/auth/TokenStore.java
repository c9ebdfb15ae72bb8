package org.hotcog.core.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.core.internal.config.Secrets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API's bearer tokens: created with a random secret that is shown once, stored as a
 * SHA-256 hash (a token is 240 random bits, so a fast hash is as safe as a slow one), revoked by id.
 *
 * <p>Checking a token must cost next to nothing at thousands of requests a second, so known
 * hashes are cached; an entry is read again from the database after {@link #RECHECK_MILLIS}, so
 * that a token revoked by another process sharing the database stops working soon after.
 */
@Component(service = TokenStore.class, configurationPid = AdminConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class TokenStore {
    /** Name of the file the first start writes the first admin token into. */
    public static final String FIRST_TOKEN_FILE = "admin-token";
    /** The token given in the configuration has this id; it cannot be revoked through the API. */
    public static final String CONFIGURED_ID = "configured";
    static final long RECHECK_MILLIS = 30_000;
    private static final int SECRET_BYTES = 30;
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);

    /** A token just created: the secret is in this object only, and in no log or table. */
    public record Created(ApiToken token, String secret) {
    }

    private record Cached(Optional<ApiToken> token, long checkedAt) {
    }

    private final DataSource database;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> byHash = new ConcurrentHashMap<>();
    private final String configuredHash;

    @Activate
    public TokenStore(@Reference DataSource database, @Reference Secrets secrets, AdminConfig config)
            throws SQLException, IOException {
        this.database = database;
        this.configuredHash = secrets.adminToken().isEmpty() ? null : hash(secrets.adminToken());
        if (configuredHash == null && count() == 0) {
            writeFirstToken(Path.of(config.dataDir()).resolve(FIRST_TOKEN_FILE));
        }
    }

    /** The valid token whose secret this is. */
    public Optional<ApiToken> authenticate(String secret) {
        String hash = hash(secret);
        if (hash.equals(configuredHash)) {
            return Optional.of(new ApiToken(CONFIGURED_ID, "configured admin", ApiRole.ADMIN, Set.of(), null,
                    Instant.EPOCH, "configuration", null));
        }
        long now = System.currentTimeMillis();
        Cached cached = byHash.get(hash);
        if (cached == null || now - cached.checkedAt() > RECHECK_MILLIS) {
            try {
                cached = new Cached(findByHash(hash).filter(t -> !t.revoked()), now);
            } catch (SQLException e) {
                LOG.warn("Could not check an API token: {}", e.getMessage());
                return Optional.empty();
            }
            // Only valid tokens are kept: a cache of misses would let anyone grow it without bound.
            if (cached.token().isPresent()) {
                byHash.put(hash, cached);
            } else {
                byHash.remove(hash);
            }
        }
        return cached.token();
    }

    /**
     * Creates a token from what a client asked for.
     *
     * @param roleName {@code admin}, {@code operator} or {@code read-only}
     * @throws IllegalArgumentException naming the field that is wrong and what it must be
     */
    public Created create(String name, String roleName, Set<Long> guildIds, Integer rateLimit, String createdBy)
            throws SQLException {
        if (name == null || name.isBlank() || name.strip().length() > 64) {
            throw new IllegalArgumentException("field \"name\" must be 1 to 64 characters");
        }
        ApiRole role = ApiRole.ofWireName(roleName);
        if (role == null) {
            throw new IllegalArgumentException("field \"role\" must be admin, operator or read-only");
        }
        if (rateLimit != null && (rateLimit < 1 || rateLimit > 1_000_000)) {
            throw new IllegalArgumentException("field \"rateLimit\" must be from 1 to 1000000 requests per second");
        }
        if (guildIds != null && guildIds.stream().anyMatch(id -> id == null || id <= 0)) {
            throw new IllegalArgumentException("field \"guilds\" must hold guild ids, such as [123456789012345678]");
        }
        return create(name.strip(), role, guildIds == null ? Set.of() : guildIds, rateLimit, createdBy);
    }

    private Created create(String name, ApiRole role, Set<Long> guildIds, Integer rateLimit, String createdBy)
            throws SQLException {
        byte[] randomId = new byte[5];
        random.nextBytes(randomId);
        String id = HexFormat.of().formatHex(randomId);
        byte[] secretBytes = new byte[SECRET_BYTES];
        random.nextBytes(secretBytes);
        String secret = "hc_" + id + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        ApiToken token = new ApiToken(id, name, role, Set.copyOf(guildIds), rateLimit, Instant.now(), createdBy,
                null);
        try (Connection c = database.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO hotcog_api_token (id, name, role, "
                        + "guild_ids, rate_limit, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, role.name());
            insert.setString(4, guildIds.isEmpty() ? null
                    : guildIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
            insert.setObject(5, rateLimit);
            insert.setString(6, hash(secret));
            insert.setTimestamp(7, Timestamp.from(token.createdAt()));
            insert.setString(8, createdBy);
            insert.executeUpdate();
        }
        byHash.remove(hash(secret));
        return new Created(token, secret);
    }

    /** Every token, revoked ones included, newest first. */
    public List<ApiToken> list() throws SQLException {
        return query("ORDER BY created_at DESC, id", ps -> {
        });
    }

    public Optional<ApiToken> find(String id) throws SQLException {
        return query("WHERE id = ?", ps -> ps.setString(1, id)).stream().findFirst();
    }

    /** Revokes a token; false when no valid token has this id. It stops working at once in this process. */
    public boolean revoke(String id) throws SQLException {
        int changed;
        try (Connection c = database.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE hotcog_api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
            update.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
            update.setString(2, id);
            changed = update.executeUpdate();
        }
        byHash.values().removeIf(cached -> cached.token().map(t -> t.id().equals(id)).orElse(false));
        return changed == 1;
    }

    private long count() throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT COUNT(*) FROM hotcog_api_token");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Optional<ApiToken> findByHash(String hash) throws SQLException {
        return query("WHERE secret_hash = ?", ps -> ps.setString(1, hash)).stream().findFirst();
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<ApiToken> query(String where, Binder binder) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT id, name, role, guild_ids, rate_limit, "
                        + "created_at, created_by, revoked_at FROM hotcog_api_token " + where)) {
            binder.bind(query);
            List<ApiToken> tokens = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String guilds = rows.getString(4);
                    Timestamp revoked = rows.getTimestamp(8);
                    tokens.add(new ApiToken(rows.getString(1), rows.getString(2),
                            ApiRole.valueOf(rows.getString(3).toUpperCase(Locale.ROOT)),
                            guilds == null ? Set.of()
                                    : Arrays.stream(guilds.split(",")).map(Long::valueOf).collect(Collectors.toSet()),
                            (Integer) rows.getObject(5), rows.getTimestamp(6).toInstant(), rows.getString(7),
                            revoked == null ? null : revoked.toInstant()));
                }
            }
            return tokens;
        }
    }

    /**
     * The first start has no way to tell the operator a token but a file: written before the token
     * is stored, so that a failure leaves no token nobody knows.
     */
    private void writeFirstToken(Path file) throws SQLException, IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Created first = create("first-admin", ApiRole.ADMIN, Set.of(), null, "first start");
        Files.writeString(file, first.secret() + System.lineSeparator(), StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        LOG.info("An admin token for the REST API was written to {} (readable by its owner only)", file);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
