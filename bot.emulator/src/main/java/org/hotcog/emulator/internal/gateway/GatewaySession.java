package org.hotcog.emulator.internal.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Iterator;

import org.hotcog.emulator.internal.ws.WebSocketConnection;

/**
 * One identified gateway session: its sequence numbers and the recent dispatches kept for RESUME. It outlives its
 * connection: dispatches made while no connection is attached are kept and replayed on resume.
 */
final class GatewaySession {

    /** Discord keeps a limited backlog too; older sequence numbers cannot be resumed. */
    private static final int BACKLOG = 4096;

    private record Sent(long seq, byte[] frame) {
    }

    final String id;
    final int shardId;
    final int shardCount;
    final long intents;
    private final ArrayDeque<Sent> backlog = new ArrayDeque<>();
    private long seq;
    private WebSocketConnection connection;
    private boolean invalid;

    GatewaySession(String id, int shardId, int shardCount, long intents) {
        this.id = id;
        this.shardId = shardId;
        this.shardCount = shardCount;
        this.intents = intents;
    }

    /**
     * Whether a guild's events belong to this session's shard (Discord's rule: (guild_id >> 22) % num_shards).
     * Events without a guild (guild id 0), such as DMs, go to shard 0 only (gateway.mdx, "Sharding").
     */
    boolean ownsGuild(long guildId) {
        return (int) ((guildId >>> 22) % shardCount) == shardId;
    }

    synchronized boolean invalid() {
        return invalid;
    }

    synchronized WebSocketConnection connection() {
        return connection;
    }

    synchronized void attach(WebSocketConnection newConnection) {
        connection = newConnection;
    }

    synchronized void detach(WebSocketConnection old) {
        if (connection == old) {
            connection = null;
        }
    }

    /** Marks the session unusable and returns the connection it had, if any. */
    synchronized WebSocketConnection invalidate() {
        invalid = true;
        WebSocketConnection had = connection;
        connection = null;
        backlog.clear();
        return had;
    }

    /**
     * Numbers, records and (if connected) sends one dispatch.
     *
     * @param type the event name
     * @param data the serialized {@code d} object
     */
    synchronized void dispatch(String type, byte[] data) {
        if (invalid) {
            return;
        }
        long next = ++seq;
        byte[] frame = frame(type, next, data);
        backlog.addLast(new Sent(next, frame));
        if (backlog.size() > BACKLOG) {
            backlog.removeFirst();
        }
        if (connection != null) {
            connection.send(frame);
        }
    }

    /**
     * Attaches a resuming connection and replays what it missed.
     *
     * @param resuming the new connection
     * @param lastSeen the last sequence number the client processed
     * @return false if the backlog no longer reaches back to {@code lastSeen} (the client must identify again)
     */
    synchronized boolean resume(WebSocketConnection resuming, long lastSeen) {
        if (invalid || (!backlog.isEmpty() && backlog.peekFirst().seq() > lastSeen + 1) || lastSeen > seq) {
            return false;
        }
        WebSocketConnection old = connection;
        connection = resuming;
        if (old != null && old != resuming) {
            old.abort();
        }
        for (Iterator<Sent> it = backlog.iterator(); it.hasNext();) {
            Sent sent = it.next();
            if (sent.seq() > lastSeen) {
                resuming.send(sent.frame());
            }
        }
        return true;
    }

    private static byte[] frame(String type, long seq, byte[] data) {
        byte[] head = ("{\"op\":0,\"t\":\"" + type + "\",\"s\":" + seq + ",\"d\":").getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + data.length + 1];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(data, 0, frame, head.length, data.length);
        frame[frame.length - 1] = '}';
        return frame;
    }
}
