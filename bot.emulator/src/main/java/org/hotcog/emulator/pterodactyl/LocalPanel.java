package org.hotcog.emulator.pterodactyl;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.hotcog.emulator.pterodactyl.internal.Panel;

/**
 * A Pterodactyl panel of its own on 127.0.0.1, with one node whose Wings websocket is served too. It answers the
 * Client API under {@code /api/client} (list with pagination, server details, resources, power, command, websocket
 * credentials) for {@code ptlc_} keys and the Application API's servers, nodes (with {@code ?include=location}) and
 * allocations for {@code ptla_} keys, in the
 * panel's JSON shapes and error shape {@code {"errors":[{"code","status","detail"}]}}. Each key may make 240
 * requests a minute, as on the real panel.
 *
 * <p>Each instance is independent and thread-safe. Close it to stop its servers and threads.
 *
 * {@snippet :
 * try (LocalPanel panel = LocalPanel.start()) {
 *     PanelServer survival = panel.addServer("Survival", ServerLimits.of(4096, 20480, 200));
 *     String key = panel.createClientKey(survival);
 *     survival.setState(PowerState.RUNNING);
 *     survival.setUsage(85.5, 2L << 30, 5L << 30);
 *     // point the client under test at panel.url() with the key
 * }
 * }
 */
public final class LocalPanel implements AutoCloseable {
    private final Panel panel;

    private LocalPanel(Panel panel) {
        this.panel = panel;
    }

    /**
     * Starts a panel on ephemeral ports: stats every second while a server runs, websocket tokens valid 10 minutes
     * and checked every 30 seconds (warned of in their last minute), power transitions of half a second.
     */
    public static LocalPanel start() {
        return new LocalPanel(Panel.start());
    }

    /** The panel's base URL, {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String url() {
        return panel.url();
    }

    /**
     * Adds a server, offline, on the next free port of the node's IP.
     *
     * @param name 1 to 191 characters
     */
    public PanelServer addServer(String name, ServerLimits limits) {
        return panel.addServer(name, limits);
    }

    /** Every server, in the order they were added (the order of the Client API's list). */
    public List<PanelServer> servers() {
        return panel.serverList();
    }

    /** The server with this identifier or UUID. */
    public Optional<PanelServer> server(String id) {
        return servers().stream().filter(s -> s.identifier().equals(id) || s.uuid().equals(id)).findFirst();
    }

    /** A new client key that sees exactly these servers (more can be granted later). */
    public String createClientKey(PanelServer... visible) {
        return panel.createClientKey(List.of(visible));
    }

    /**
     * A new application key: the Application API's servers, nodes and allocations. The one node is
     * {@code local-node}, in the location {@code local} ("This machine").
     */
    public String createApplicationKey() {
        return panel.createApplicationKey();
    }

    /** Lets a client key see a server too. */
    public void grant(String clientKey, PanelServer server) {
        panel.grant(clientKey, server);
    }

    /** Hides a server from a client key again: the panel then answers 404 for it. */
    public void withdraw(String clientKey, PanelServer server) {
        panel.withdraw(clientKey, server);
    }

    /** Revokes a key: every later request with it gets 401. Websocket tokens already issued stay valid, as on Wings. */
    public void revokeKey(String key) {
        panel.revokeKey(key);
    }

    /** Requests answered so far, all keys and none. */
    public long requests() {
        return panel.requests();
    }

    /** Requests made with a key so far (including those refused for its rate limit). */
    public long requests(String key) {
        return panel.requests(key);
    }

    /**
     * Makes the next {@code count} requests whose path after {@code /api/} starts with the prefix fail with a
     * status, in the panel's error shape ({@code ""} matches every path).
     */
    public void failNext(String pathPrefix, int status, int count) {
        panel.failNext(pathPrefix, status, count);
    }

    /** Answers the next {@code count} matching requests 429 with the throttle's headers and this Retry-After. */
    public void rateLimitNext(String pathPrefix, Duration retryAfter, int count) {
        panel.rateLimitNext(pathPrefix, retryAfter, count);
    }

    /** Holds the next {@code count} matching answers back for a while, as an overloaded panel would. */
    public void delayNext(String pathPrefix, Duration delay, int count) {
        panel.delayNext(pathPrefix, delay, count);
    }

    /** How often running servers send {@code stats} to their websockets (Wings: about every second). */
    public void statsInterval(Duration interval) {
        panel.statsInterval(interval);
    }

    /** How often tokens are checked for {@code token expiring} and {@code token expired} (Wings: 30 s). */
    public void tokenCheckInterval(Duration interval) {
        panel.tokenCheckInterval(interval);
    }

    /** How long the websocket tokens issued from now on are valid (the panel: 10 minutes). */
    public void tokenLifetime(Duration lifetime) {
        panel.tokenLifetime(lifetime);
    }

    /** How long before its expiry a token is warned of with {@code token expiring} (Wings: 60 s). */
    public void expiringWindow(Duration window) {
        panel.expiringWindow(window);
    }

    /** How long starting, stopping and each half of a restart take. */
    public void powerDelay(Duration delay) {
        panel.powerDelay(delay);
    }

    /** The per-key rate limit (the panel's default: 240 requests a minute). */
    public void rateLimit(int requests, Duration window) {
        panel.rateLimit(requests, window);
    }

    @Override
    public void close() {
        panel.close();
    }
}
