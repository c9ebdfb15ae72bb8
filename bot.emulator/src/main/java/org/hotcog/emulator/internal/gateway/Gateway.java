package org.hotcog.emulator.internal.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotcog.emulator.internal.ws.WebSocketConnection;
import org.hotcog.emulator.internal.ws.WebSocketHandler;
import org.hotcog.emulator.internal.ws.WebSocketServer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Discord's gateway v10 (JSON encoding, optional zlib-stream transport): HELLO, IDENTIFY, READY and GUILD_CREATE,
 * heartbeats, dispatches with sequence numbers, RESUME with replay, INVALID_SESSION and member chunk requests.
 */
public final class Gateway implements WebSocketHandler, AutoCloseable {

    /** Discord's current interval; JDA heartbeats on it. The emulator does not close on missed heartbeats. */
    private static final int HEARTBEAT_INTERVAL = 41250;
    /** Only Discord's privileged MESSAGE_CONTENT intent lets a bot read other users' message content. */
    private static final long MESSAGE_CONTENT = 1L << 15;

    private final ObjectMapper mapper;
    private final GatewayBackend backend;
    private final Map<WebSocketConnection, GatewaySession> identified = new ConcurrentHashMap<>();
    private final Map<String, GatewaySession> sessions = new ConcurrentHashMap<>();
    private final List<GatewaySession> sessionList = new CopyOnWriteArrayList<>();
    private final AtomicInteger resumes = new AtomicInteger();
    private final AtomicInteger identifies = new AtomicInteger();
    private final WebSocketServer server;

    /**
     * Starts the gateway on an ephemeral loopback port.
     *
     * @param mapper the JSON mapper
     * @param backend the Discord state
     */
    public Gateway(ObjectMapper mapper, GatewayBackend backend) {
        this.mapper = mapper;
        this.backend = backend;
        this.server = WebSocketServer.start(this);
    }

    /** The URL clients connect to. */
    public String url() {
        return "ws://127.0.0.1:" + server.port() + "/";
    }

    /** How many RESUMEs succeeded. */
    public int resumes() {
        return resumes.get();
    }

    /** How many IDENTIFYs succeeded. */
    public int identifies() {
        return identifies.get();
    }

    /**
     * Sends a dispatch to every session that should see it. The caller holds the state lock, so dispatches keep the
     * order of the state changes.
     *
     * @param type the event name, e.g. {@code MESSAGE_CREATE}
     * @param data the event's {@code d}
     * @param redacted what sessions without the MESSAGE_CONTENT intent get instead, or null if the same
     * @param guildId the guild the event belongs to (shard routing), or 0 for one without a guild (shard 0 only)
     * @param intent the intent bit the session must have asked for, or 0 for events always sent
     */
    public void dispatch(String type, JsonNode data, JsonNode redacted, long guildId, long intent) {
        if (sessionList.isEmpty()) {
            return;
        }
        byte[] full = bytes(data);
        byte[] reduced = redacted == null ? full : null;
        for (GatewaySession session : sessionList) {
            if (!session.ownsGuild(guildId) || (intent != 0 && (session.intents & intent) == 0)) {
                continue;
            }
            if ((session.intents & MESSAGE_CONTENT) == 0 && redacted != null) {
                if (reduced == null) {
                    reduced = bytes(redacted);
                }
                session.dispatch(type, reduced);
            } else {
                session.dispatch(type, full);
            }
        }
    }

    /** How many gateway connections are open now, identified or not. */
    public int openConnections() {
        return server.connections().size();
    }

    /** Drops every connection without a close frame; sessions stay resumable. */
    public void dropConnections() {
        for (WebSocketConnection connection : server.connections()) {
            connection.abort();
        }
    }

    /** Sends INVALID_SESSION (not resumable) on every session and forgets them. */
    public void invalidateSessions() {
        for (GatewaySession session : sessionList) {
            forget(session);
            WebSocketConnection connection = session.invalidate();
            if (connection != null) {
                identified.remove(connection);
                connection.send(text("{\"op\":9,\"d\":false}"));
            }
        }
    }

    @Override
    public void onOpen(WebSocketConnection connection) {
        String encoding = connection.query().getOrDefault("encoding", "json");
        if (!"json".equals(encoding)) {
            connection.close(4002, "only encoding=json is supported");
            return;
        }
        if ("zlib-stream".equals(connection.query().get("compress"))) {
            connection.enableZlibStream();
        }
        connection.send(text("{\"op\":10,\"d\":{\"heartbeat_interval\":" + HEARTBEAT_INTERVAL + "}}"));
    }

    @Override
    public void onMessage(WebSocketConnection connection, String message) {
        JsonNode payload;
        try {
            payload = mapper.readTree(message);
        } catch (IOException e) {
            connection.close(4002, "Decode error");
            return;
        }
        int op = payload.path("op").asInt(-1);
        JsonNode d = payload.path("d");
        switch (op) {
            case 1 -> connection.send(text("{\"op\":11}"));
            case 2 -> identify(connection, d);
            case 6 -> resume(connection, d);
            case 3, 4 -> requireSession(connection);
            case 8 -> requestMembers(connection, d);
            default -> connection.close(4001, "Unknown opcode");
        }
    }

    @Override
    public void onClose(WebSocketConnection connection, int code) {
        GatewaySession session = identified.remove(connection);
        if (session == null) {
            return;
        }
        session.detach(connection);
        // Discord ends the session when the client closes normally (JDA does so on shutdown)
        if (code == 1000 || code == 1001) {
            forget(session);
            session.invalidate();
        }
    }

    private boolean requireSession(WebSocketConnection connection) {
        if (identified.containsKey(connection)) {
            return true;
        }
        connection.close(4003, "Not authenticated");
        return false;
    }

    private void identify(WebSocketConnection connection, JsonNode d) {
        if (identified.containsKey(connection)) {
            connection.close(4005, "Already authenticated");
            return;
        }
        if (!backend.acceptsToken(d.path("token").asText(""))) {
            connection.close(4004, "Authentication failed");
            return;
        }
        if (!d.has("intents")) {
            connection.close(4013, "Invalid intent(s)");
            return;
        }
        int shardId = d.path("shard").path(0).asInt(0);
        int shardCount = d.path("shard").path(1).asInt(1);
        if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
            connection.close(4010, "Invalid shard");
            return;
        }
        GatewaySession session = new GatewaySession(UUID.randomUUID().toString().replace("-", ""), shardId,
                shardCount, d.path("intents").asLong());
        synchronized (backend.lock()) {
            ObjectNode ready = mapper.createObjectNode();
            ready.put("v", 10);
            ready.set("user", backend.selfUser());
            ArrayNode guilds = ready.putArray("guilds");
            List<Long> guildIds = backend.guildIds();
            for (long guildId : guildIds) {
                if (session.ownsGuild(guildId)) {
                    guilds.addObject().put("id", Long.toString(guildId)).put("unavailable", true);
                }
            }
            ready.put("session_id", session.id);
            ready.put("session_type", "normal");
            ready.put("resume_gateway_url", url());
            ready.putArray("shard").add(shardId).add(shardCount);
            ready.putObject("application").put("id", Long.toString(backend.applicationId())).put("flags", 0);
            // JDA stores the session id only when private_channels is present (Discord's docs omit it)
            ready.putArray("private_channels");
            ready.putArray("relationships");
            ready.putArray("presences");
            ready.putArray("guild_join_requests");
            ready.putArray("geo_ordered_rtc_regions");
            ready.putArray("_trace").add("local-discord");
            session.attach(connection);
            identified.put(connection, session);
            sessions.put(session.id, session);
            sessionList.add(session);
            session.dispatch("READY", bytes(ready));
            for (long guildId : guildIds) {
                if (session.ownsGuild(guildId)) {
                    session.dispatch("GUILD_CREATE", bytes(backend.guildCreate(guildId)));
                }
            }
        }
        identifies.incrementAndGet();
    }

    private void resume(WebSocketConnection connection, JsonNode d) {
        GatewaySession session = sessions.get(d.path("session_id").asText(""));
        if (session == null || !backend.acceptsToken(d.path("token").asText(""))) {
            connection.send(text("{\"op\":9,\"d\":false}"));
            return;
        }
        synchronized (backend.lock()) {
            if (!session.resume(connection, d.path("seq").asLong(0))) {
                forget(session);
                session.invalidate();
                connection.send(text("{\"op\":9,\"d\":false}"));
                return;
            }
            identified.values().remove(session);
            identified.put(connection, session);
            session.dispatch("RESUMED", text("{\"_trace\":[\"local-discord\"]}"));
        }
        resumes.incrementAndGet();
    }

    private void requestMembers(WebSocketConnection connection, JsonNode d) {
        GatewaySession session = identified.get(connection);
        if (session == null) {
            connection.close(4003, "Not authenticated");
            return;
        }
        JsonNode ids = d.path("guild_id");
        List<JsonNode> guilds = ids.isArray() ? toList(ids) : List.of(ids);
        synchronized (backend.lock()) {
            for (JsonNode id : guilds) {
                ObjectNode chunk = backend.membersChunk(id.asLong(), d);
                if (chunk != null) {
                    session.dispatch("GUILD_MEMBERS_CHUNK", bytes(chunk));
                }
            }
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private void forget(GatewaySession session) {
        sessions.remove(session.id);
        sessionList.remove(session);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static byte[] text(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.close();
    }
}
