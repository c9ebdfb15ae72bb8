package org.hotcog.emulator.pterodactyl.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotcog.emulator.internal.ws.WebSocketServer;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local panel: its servers and keys, the HTTP API, the Wings websocket, and one scheduler thread for stats
 * ticks, token-expiry checks and power transitions.
 */
public final class Panel implements AutoCloseable {
    static final String NODE_IP = "127.0.0.1";
    static final String NODE_NAME = "local-node";
    /** The node's location, as the Application API names it. */
    static final String LOCATION_SHORT = "local";
    static final String LOCATION_LONG = "This machine";
    private static final int FIRST_PORT = 25565;
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final ObjectMapper mapper = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Jwt jwt = new Jwt(mapper);
    private final String nodeUuid = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private final List<GameServer> servers = new CopyOnWriteArrayList<>();
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private final ScheduledExecutorService scheduler;
    private final PanelHttp http;
    private final WebSocketServer sockets;
    private volatile Duration tokenLifetime = Duration.ofMinutes(10);
    private volatile Duration expiringWindow = Duration.ofMinutes(1);
    private volatile Duration powerDelay = Duration.ofMillis(500);
    private volatile int rateLimit = 240;
    private volatile Duration rateWindow = Duration.ofMinutes(1);
    private ScheduledFuture<?> statsTicks;
    private ScheduledFuture<?> expiryChecks;

    private Panel() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-panel-ticks");
            thread.setDaemon(true);
            return thread;
        });
        http = new PanelHttp(this, mapper, new PanelRoutes(this, mapper));
        sockets = WebSocketServer.start(new WingsSocket(this, mapper));
    }

    /** Starts a panel on ephemeral ports of 127.0.0.1: stats every second, token checks every 30 s as Wings does. */
    public static Panel start() {
        Panel panel = new Panel();
        panel.statsInterval(Duration.ofSeconds(1));
        panel.tokenCheckInterval(Duration.ofSeconds(30));
        return panel;
    }

    public String url() {
        return "http://" + NODE_IP + ":" + http.port();
    }

    String socketUrl() {
        return "ws://" + NODE_IP + ":" + sockets.port();
    }

    int socketPort() {
        return sockets.port();
    }

    public PanelServer addServer(String name, ServerLimits limits) {
        if (name == null || name.isBlank() || name.length() > 191) {
            throw new IllegalArgumentException("a server name is 1 to 191 characters");
        }
        int id = nextId.getAndIncrement();
        GameServer server = new GameServer(this, id, name, limits, FIRST_PORT + id - 1);
        servers.add(server);
        return server;
    }

    /** A new client key ({@code ptlc_} and 43 characters, as the panel makes them) that sees the given servers. */
    public String createClientKey(List<PanelServer> visible) {
        ApiKey key = newKey("ptlc_", ApiKey.Kind.CLIENT);
        visible.forEach(server -> key.servers.add(server.uuid()));
        return key.secret;
    }

    public String createApplicationKey() {
        return newKey("ptla_", ApiKey.Kind.APPLICATION).secret;
    }

    private ApiKey newKey(String prefix, ApiKey.Kind kind) {
        StringBuilder secret = new StringBuilder(prefix);
        for (int i = 0; i < 43; i++) {
            secret.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        ApiKey key = new ApiKey(secret.toString(), kind);
        keys.put(key.secret, key);
        return key;
    }

    public void grant(String key, PanelServer server) {
        existing(key).servers.add(server.uuid());
    }

    public void withdraw(String key, PanelServer server) {
        existing(key).servers.remove(server.uuid());
    }

    public void revokeKey(String key) {
        existing(key).revoked = true;
    }

    public long requests(String key) {
        return existing(key).requests.get();
    }

    public long requests() {
        return http.requests();
    }

    private ApiKey existing(String key) {
        ApiKey found = keys.get(key);
        if (found == null) {
            throw new IllegalArgumentException("no such key on this panel");
        }
        return found;
    }

    ApiKey key(String secret) {
        return keys.get(secret);
    }

    public List<PanelServer> serverList() {
        return List.copyOf(servers);
    }

    List<GameServer> servers() {
        return servers;
    }

    /** A server by its identifier (or its UUID, which the panel accepts too), or null. */
    GameServer server(String id) {
        return servers.stream().filter(s -> s.identifier().equals(id) || s.uuid().equals(id)).findFirst().orElse(null);
    }

    GameServer serverByUuid(String uuid) {
        return servers.stream().filter(s -> s.uuid().equals(uuid)).findFirst().orElse(null);
    }

    public void failNext(String pathPrefix, int status, int count) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an injected failure is a 4xx or 5xx status");
        }
        http.failNext(pathPrefix, status, Duration.ofSeconds(1), count);
    }

    public void rateLimitNext(String pathPrefix, Duration retryAfter, int count) {
        http.failNext(pathPrefix, 429, retryAfter, count);
    }

    public void delayNext(String pathPrefix, Duration delay, int count) {
        http.delayNext(pathPrefix, delay, count);
    }

    public synchronized void statsInterval(Duration interval) {
        if (statsTicks != null) {
            statsTicks.cancel(false);
        }
        statsTicks = scheduler.scheduleAtFixedRate(this::tickStats, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public synchronized void tokenCheckInterval(Duration interval) {
        if (expiryChecks != null) {
            expiryChecks.cancel(false);
        }
        expiryChecks = scheduler.scheduleAtFixedRate(this::checkTokens, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public void tokenLifetime(Duration lifetime) {
        this.tokenLifetime = lifetime;
    }

    public void expiringWindow(Duration window) {
        this.expiringWindow = window;
    }

    public void powerDelay(Duration delay) {
        this.powerDelay = delay;
    }

    public void rateLimit(int requests, Duration window) {
        if (requests < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit is at least 1 request in a positive window");
        }
        this.rateLimit = requests;
        this.rateWindow = window;
    }

    Duration tokenLifetime() {
        return tokenLifetime;
    }

    Duration expiringWindow() {
        return expiringWindow;
    }

    Duration powerDelay() {
        return powerDelay;
    }

    int rateLimit() {
        return rateLimit;
    }

    Duration rateWindow() {
        return rateWindow;
    }

    Jwt jwt() {
        return jwt;
    }

    String nodeUuid() {
        return nodeUuid;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant now() {
        return Instant.now();
    }

    void schedule(Runnable task, Duration delay) {
        scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Wings polls a running container's usage about once a second and sends it to every websocket. */
    private void tickStats() {
        for (GameServer server : servers) {
            if (server.state() != PowerState.OFFLINE) {
                try {
                    server.broadcast("stats", mapper.writeValueAsString(server.stats(mapper.createObjectNode(), true)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void checkTokens() {
        Instant now = now();
        for (GameServer server : servers) {
            server.sessions().forEach(session -> session.checkExpiry(now));
            server.pruneTokens(now);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        sockets.close();
        http.close();
    }
}
