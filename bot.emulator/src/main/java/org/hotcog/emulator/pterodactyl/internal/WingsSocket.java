package org.hotcog.emulator.pterodactyl.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.emulator.internal.ws.WebSocketConnection;
import org.hotcog.emulator.internal.ws.WebSocketHandler;
import org.hotcog.emulator.pterodactyl.PowerState;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Wings' server websocket at {@code /api/servers/<uuid>/ws}: messages {@code {"event":…,"args":[…]}} whose
 * arguments are strings. A connection authenticates with {@code auth} and the token from the panel; every event to
 * a connection whose token is missing or no longer valid is replaced by {@code jwt error}, as Wings does.
 */
final class WingsSocket implements WebSocketHandler {
    private static final Pattern PATH = Pattern.compile("/api/servers/([0-9a-f-]{36})/ws");
    /** The messages gbrlsnchs/jwt and Wings give for the token problems. */
    static final String NO_JWT = "jwt: no jwt present";
    static final String EXPIRED = "jwt: exp claim is invalid";
    static final String MISMATCH = "jwt: server uuid mismatch";

    private final Panel panel;
    private final ObjectMapper mapper;
    private final Map<WebSocketConnection, Session> sessions = new ConcurrentHashMap<>();

    WingsSocket(Panel panel, ObjectMapper mapper) {
        this.panel = panel;
        this.mapper = mapper;
    }

    /** One connection to one server. */
    final class Session {
        private final WebSocketConnection connection;
        private final GameServer server;
        private volatile Jwt.Claims claims;

        private Session(WebSocketConnection connection, GameServer server) {
            this.connection = connection;
            this.server = server;
        }

        boolean authenticated() {
            return claims != null && problem() == null;
        }

        /** Why the connection's token is not valid now, or null when it is (Wings' {@code TokenValid}). */
        private String problem() {
            Jwt.Claims current = claims;
            if (current == null) {
                return NO_JWT;
            }
            if (!panel.now().isBefore(current.expiresAt()) || server.forcedExpired(current.id())) {
                return EXPIRED;
            }
            return current.serverUuid().equals(server.uuid()) ? null : MISMATCH;
        }

        /** Sends an event, or {@code jwt error} in its place when the token is not valid. */
        void send(String event, String arg) {
            String problem = problem();
            if (problem != null) {
                raw("jwt error", problem);
            } else {
                raw(event, arg);
            }
        }

        void sendIfAuthenticated(String event) {
            if (claims != null) {
                raw(event, null);
            }
        }

        /** Sends {@code token expiring} or {@code token expired} as Wings' 30-second check does. */
        void checkExpiry(Instant now) {
            Jwt.Claims current = claims;
            if (current == null) {
                return;
            }
            if (!now.isBefore(current.expiresAt()) || server.forcedExpired(current.id())) {
                send("token expired", null);
            } else if (!now.plus(panel.expiringWindow()).isBefore(current.expiresAt())) {
                send("token expiring", null);
            }
        }

        void drop() {
            connection.abort();
        }

        private void raw(String event, String arg) {
            ObjectNode message = mapper.createObjectNode().put("event", event);
            ArrayNode args = message.putArray("args");
            if (arg != null) {
                args.add(arg);
            }
            try {
                connection.send(mapper.writeValueAsBytes(message));
            } catch (IOException e) {
                connection.abort();
            }
        }

        private void receive(JsonNode message) {
            String event = message.path("event").asText("");
            StringBuilder joined = new StringBuilder();
            message.path("args").forEach(arg -> joined.append(arg.asText("")));
            String arg = joined.toString();
            if (!event.equals("auth")) {
                String problem = problem();
                if (problem != null) {
                    raw("jwt error", problem);
                    return;
                }
            }
            switch (event) {
                case "auth" -> authenticate(arg);
                case "set state" -> {
                    if (PanelRoutes.SIGNALS.contains(arg)) {
                        server.power(arg);
                    }
                }
                case "send command" -> server.command(arg);
                case "send logs" -> {
                    if (server.state() != PowerState.OFFLINE) {
                        server.recentConsole().forEach(line -> send("console output", line));
                    }
                }
                case "send stats" -> send("stats", statsJson(false));
                default -> {
                    // Wings ignores events it does not know
                }
            }
        }

        private void authenticate(String token) {
            Jwt.Claims presented = panel.jwt().verify(token);
            if (presented == null) {
                raw("jwt error", "jwt: HMAC verification failed");
                return;
            }
            if (!panel.now().isBefore(presented.expiresAt()) || server.forcedExpired(presented.id())) {
                raw("token expired", null);
                return;
            }
            if (!presented.serverUuid().equals(server.uuid())) {
                raw("jwt error", MISMATCH);
                return;
            }
            boolean first = claims == null;
            claims = presented;
            raw("auth success", null);
            if (first) {
                send("status", server.state().wire());
                if (server.state() == PowerState.OFFLINE) {
                    send("stats", statsJson(false));
                }
            }
        }

        String statsJson(boolean tick) {
            try {
                return mapper.writeValueAsString(server.stats(mapper.createObjectNode(), tick));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void onOpen(WebSocketConnection connection) {
        Matcher path = PATH.matcher(connection.path());
        GameServer server = path.matches() ? panel.serverByUuid(path.group(1)) : null;
        if (server == null) {
            connection.close(1008, "unknown server");
            return;
        }
        Session session = new Session(connection, server);
        sessions.put(connection, session);
        server.sessions().add(session);
    }

    @Override
    public void onMessage(WebSocketConnection connection, String text) {
        Session session = sessions.get(connection);
        if (session == null) {
            return;
        }
        JsonNode message;
        try {
            message = mapper.readTree(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return; // Wings logs and drops a message that is not JSON
        }
        session.receive(message);
    }

    @Override
    public void onClose(WebSocketConnection connection, int code) {
        Session session = sessions.remove(connection);
        if (session != null) {
            session.server.sessions().remove(session);
        }
    }
}
