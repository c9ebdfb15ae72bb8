package org.hotcog.pterodactyl.internal.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A server's Wings websocket, kept open: it fetches a token from the panel, authenticates with {@code auth},
 * renews the token on {@code token expiring} on the same connection, and on {@code token expired}, {@code jwt
 * error}, a close or a failure connects again with a fresh token after a growing delay (1 s doubling to 60 s, reset
 * once authenticated). A ping every {@code pingInterval} that gets no pong by the next one counts as a dropped
 * connection too: a connection that died without a close (a restarted node, a dropped route) is otherwise only
 * noticed when writing, and an offline server's socket carries nothing to write. It gives up only when the panel
 * refuses the key or no longer shows the server.
 *
 * <p>Events reach the {@link Listener} on the HTTP client's threads, one at a time.
 */
public final class PanelSocket implements AutoCloseable {
    /** What the socket reports. Each method is called for one event at a time; keep them short. */
    public interface Listener {
        /** The connection authenticated (again, after a reconnect). */
        default void onAuthenticated() {
        }

        /** The server's state changed: {@code offline}, {@code starting}, {@code running}, {@code stopping}. */
        default void onStatus(String state) {
        }

        /** A stats report (about once a second while the server is not offline). */
        default void onStats(Usage usage) {
        }

        /** A console line. */
        default void onConsole(String line) {
        }

        /** The connection dropped; a reconnect is scheduled. */
        default void onDisconnected() {
        }

        /** The socket gave up for good: the key was refused or the server is gone. */
        default void onGaveUp(PanelException cause) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(PanelSocket.class);
    private static final Duration RECONNECT_BASE = Duration.ofSeconds(1);
    private static final Duration RECONNECT_MAX = Duration.ofMinutes(1);

    private final PanelClient client;
    private final String identifier;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;
    private final Duration pingInterval;
    /** Guarded by this. */
    private WebSocket socket;
    private int connection;
    private int failures;
    private boolean authenticated;
    /** The connection whose reconnect is scheduled already: its later close and error events change nothing. */
    private int reconnecting = -1;
    private boolean closed;
    private Future<?> pending;
    private Future<?> pings;
    private boolean pongDue;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    PanelSocket(PanelClient client, String identifier, Listener listener, ScheduledExecutorService scheduler,
            HttpClient http, ObjectMapper mapper, Duration timeout, Duration pingInterval) {
        this.client = client;
        this.identifier = identifier;
        this.listener = listener;
        this.scheduler = scheduler;
        this.http = http;
        this.mapper = mapper;
        this.timeout = timeout;
        this.pingInterval = pingInterval;
    }

    /** Asks Wings for the console's recent lines; they arrive as console output. */
    public void requestLogs() {
        sendEvent("send logs", null);
    }

    /** Asks Wings for a stats report now. */
    public void requestStats() {
        sendEvent("send stats", null);
    }

    /** Whether the connection is open and authenticated now. */
    public synchronized boolean connected() {
        return authenticated && !closed;
    }

    /** Connects now on the scheduler; used once by the client, and for each reconnect. */
    synchronized void connect() {
        if (!closed) {
            pending = submit(this::open, Duration.ZERO);
        }
    }

    private Future<?> submit(Runnable task, Duration delay) {
        try {
            return scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the owner is shutting down: nothing more will happen
            return CompletableFuture.completedFuture(null);
        }
    }

    private void open() {
        int mine;
        synchronized (this) {
            if (closed) {
                return;
            }
            mine = ++connection;
        }
        PanelClient.WebsocketCredentials credentials;
        try {
            credentials = client.websocket(identifier);
        } catch (PanelException.Unauthorized | PanelException.Forbidden | PanelException.NotFound e) {
            giveUp(e);
            return;
        } catch (PanelException e) {
            retryLater(mine, e.getMessage());
            return;
        }
        String token = credentials.token();
        // Wings accepts the panel's own origin (and the ones its allowed_origins lists)
        http.newWebSocketBuilder().connectTimeout(timeout).header("Origin", client.baseUrl())
                .buildAsync(credentials.socket(), new Events(mine)).whenComplete((ws, error) -> {
                    if (error != null) {
                        retryLater(mine, "cannot connect to " + credentials.socket().getHost() + ": "
                                + error.getClass().getSimpleName());
                        return;
                    }
                    synchronized (this) {
                        if (closed || mine != connection) {
                            ws.abort();
                            return;
                        }
                        socket = ws;
                    }
                    sendEvent("auth", token);
                });
    }

    /** Fetches a new token and authenticates the open connection with it. */
    private void renew(int mine) {
        try {
            String token = client.websocket(identifier).token();
            synchronized (this) {
                if (mine != connection) {
                    return;
                }
            }
            sendEvent("auth", token);
        } catch (PanelException.Unauthorized | PanelException.Forbidden | PanelException.NotFound e) {
            giveUp(e);
        } catch (PanelException e) {
            // the current token still has up to a minute; the expiry that follows reconnects
            LOG.debug("Could not renew the websocket token of {}: {}", identifier, e.getMessage());
        }
    }

    private Future<?> schedulePings(int mine) {
        try {
            return scheduler.scheduleAtFixedRate(() -> ping(mine), pingInterval.toMillis(), pingInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private void ping(int mine) {
        WebSocket ws;
        synchronized (this) {
            if (mine != connection || socket == null) {
                return;
            }
            if (pongDue) {
                ws = null;
            } else {
                pongDue = true;
                ws = socket;
            }
        }
        if (ws == null) {
            retryLater(mine, "no pong within " + pingInterval.toMillis() + " ms");
            return;
        }
        ws.sendPing(ByteBuffer.allocate(0)).whenComplete((ok, error) -> {
            if (error != null) {
                retryLater(mine, "ping failed: " + error.getClass().getSimpleName());
            }
        });
    }

    private void stopPings() {
        if (pings != null) {
            pings.cancel(false);
            pings = null;
        }
        pongDue = false;
    }

    private void retryLater(int mine, String why) {
        Duration delay;
        synchronized (this) {
            if (closed || mine != connection || reconnecting == mine) {
                return;
            }
            reconnecting = mine;
            authenticated = false;
            stopPings();
            if (socket != null) {
                socket.abort();
                socket = null;
            }
            delay = Backoff.delay(failures++, RECONNECT_BASE, RECONNECT_MAX);
            pending = submit(this::open, delay);
        }
        LOG.debug("Websocket of {} reconnects in {} ms: {}", identifier, delay.toMillis(), why);
        listener.onDisconnected();
    }

    private void giveUp(PanelException cause) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopPings();
            if (socket != null) {
                socket.abort();
            }
        }
        listener.onGaveUp(cause);
    }

    private synchronized void sendEvent(String event, String arg) {
        WebSocket ws = socket;
        if (ws == null || closed) {
            return;
        }
        ObjectNode message = mapper.createObjectNode().put("event", event);
        if (arg == null) {
            message.putArray("args");
        } else {
            message.putArray("args").add(arg);
        }
        String text = message.toString();
        // the JDK's WebSocket allows one outstanding send: chain them
        sending = sending.handle((ok, error) -> null).thenCompose(ignored -> ws.sendText(text, true));
    }

    private void receive(int mine, JsonNode message) {
        String event = message.path("event").asText("");
        String arg = message.path("args").path(0).asText("");
        switch (event) {
            case "auth success" -> {
                synchronized (this) {
                    failures = 0;
                    authenticated = true;
                    if (pings == null) {
                        pings = schedulePings(mine);
                    }
                }
                listener.onAuthenticated();
            }
            case "status" -> listener.onStatus(arg);
            case "stats" -> {
                Usage usage = stats(arg);
                if (usage != null) {
                    listener.onStats(usage);
                }
            }
            case "console output" -> listener.onConsole(arg);
            case "token expiring" -> submit(() -> renew(mine), Duration.ZERO);
            case "token expired", "jwt error" -> retryLater(mine, event + " " + arg);
            default -> {
                // install output, backups, daemon messages: not used here
            }
        }
    }

    private Usage stats(String json) {
        try {
            JsonNode stats = mapper.readTree(json);
            JsonNode network = stats.path("network");
            return new Usage(PanelJson.text(stats, "state"), PanelJson.decimal(stats, "cpu_absolute"),
                    PanelJson.number(stats, "memory_bytes"), PanelJson.optionalNumber(stats, "memory_limit_bytes"),
                    PanelJson.optionalNumber(stats, "disk_bytes"), PanelJson.optionalNumber(network, "rx_bytes"),
                    PanelJson.optionalNumber(network, "tx_bytes"), PanelJson.optionalNumber(stats, "uptime"));
        } catch (IOException | PanelException e) {
            LOG.debug("Ignored a stats event of {} that is not Wings' JSON", identifier);
            return null;
        }
    }

    /** The JDK's listener of one connection; events of a replaced connection are ignored. */
    private final class Events implements WebSocket.Listener {
        private final int mine;
        private final StringBuilder partial = new StringBuilder();

        Events(int mine) {
            this.mine = mine;
        }

        private boolean current() {
            synchronized (PanelSocket.this) {
                return mine == connection && !closed;
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (current()) {
                    try {
                        receive(mine, mapper.readTree(text));
                    } catch (IOException e) {
                        LOG.debug("Ignored a websocket message of {} that is not JSON", identifier);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            synchronized (PanelSocket.this) {
                if (mine == connection) {
                    pongDue = false;
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            retryLater(mine, "closed with " + statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            retryLater(mine, error.getClass().getSimpleName());
        }
    }

    /** Closes the connection and stops reconnecting. */
    @Override
    public void close() {
        WebSocket ws;
        synchronized (this) {
            closed = true;
            stopPings();
            if (pending != null) {
                pending.cancel(false);
            }
            ws = socket;
            socket = null;
        }
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((ok, error) -> ws.abort());
        }
    }
}
