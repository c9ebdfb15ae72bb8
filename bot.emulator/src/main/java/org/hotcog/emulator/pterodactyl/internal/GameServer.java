package org.hotcog.emulator.pterodactyl.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One game server: its state, usage, console, the websockets watching it, and the tokens issued for it. */
final class GameServer implements PanelServer {
    /** Wings keeps this many console lines for {@code send logs} (its default {@code websocket_log_count}). */
    static final int LOG_LINES = 150;
    private static final long NETWORK_RX_PER_TICK = 2_048;
    private static final long NETWORK_TX_PER_TICK = 1_024;

    private final Panel panel;
    private final String uuid;
    private final int internalId;
    private final String name;
    private final ServerLimits limits;
    private final int port;
    private final Deque<String> console = new ArrayDeque<>();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final Set<WingsSocket.Session> sessions = ConcurrentHashMap.newKeySet();
    /** Ids of the tokens issued for this server and when each expires; forced expiry moves them to {@link #expired}. */
    private final Map<String, Instant> issued = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private PowerState state = PowerState.OFFLINE;
    /** Bumped by every change of state, so that a transition scheduled by an earlier signal is dropped. */
    private long generation;
    private Instant runningSince;
    private double cpu;
    private long memory;
    private long disk;
    private long rx;
    private long tx;

    GameServer(Panel panel, int internalId, String name, ServerLimits limits, int port) {
        this.panel = panel;
        this.uuid = UUID.randomUUID().toString();
        this.internalId = internalId;
        this.name = name;
        this.limits = limits;
        this.port = port;
    }

    @Override
    public String identifier() {
        return uuid.substring(0, 8);
    }

    @Override
    public String uuid() {
        return uuid;
    }

    @Override
    public int internalId() {
        return internalId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ServerLimits limits() {
        return limits;
    }

    @Override
    public String address() {
        return Panel.NODE_IP + ":" + port;
    }

    int port() {
        return port;
    }

    @Override
    public synchronized PowerState state() {
        return state;
    }

    @Override
    public void setState(PowerState newState) {
        synchronized (this) {
            generation++;
        }
        enter(newState);
    }

    private void enter(PowerState newState) {
        synchronized (this) {
            state = newState;
            if (newState == PowerState.RUNNING && runningSince == null) {
                runningSince = panel.now();
            } else if (newState == PowerState.OFFLINE) {
                runningSince = null;
            }
        }
        broadcast("status", newState.wire());
    }

    @Override
    public void consoleLine(String line) {
        synchronized (console) {
            console.addLast(line);
            while (console.size() > LOG_LINES) {
                console.removeFirst();
            }
        }
        broadcast("console output", line);
    }

    List<String> recentConsole() {
        synchronized (console) {
            return List.copyOf(console);
        }
    }

    @Override
    public synchronized void setUsage(double cpuAbsolute, long memoryBytes, long diskBytes) {
        this.cpu = cpuAbsolute;
        this.memory = memoryBytes;
        this.disk = diskBytes;
    }

    @Override
    public List<String> commandsReceived() {
        return List.copyOf(commands);
    }

    @Override
    public List<String> powerSignals() {
        return List.copyOf(signals);
    }

    /**
     * Runs a power signal as Wings does: start and stop pass through starting and stopping, restart through both,
     * kill ends at once.
     */
    void power(String signal) {
        signals.add(signal);
        long mine;
        PowerState now;
        synchronized (this) {
            mine = ++generation;
            now = state;
        }
        switch (signal) {
            case "start" -> {
                if (now == PowerState.OFFLINE) {
                    consoleLine("[Pterodactyl Daemon]: Checking server disk space usage, this could take a few seconds...");
                    enter(PowerState.STARTING);
                    later(mine, PowerState.RUNNING);
                }
            }
            case "stop" -> {
                if (now != PowerState.OFFLINE) {
                    enter(PowerState.STOPPING);
                    later(mine, PowerState.OFFLINE);
                }
            }
            case "restart" -> {
                if (now == PowerState.OFFLINE) {
                    // Wings starts a stopped server on restart
                    enter(PowerState.STARTING);
                    later(mine, PowerState.RUNNING);
                    return;
                }
                enter(PowerState.STOPPING);
                panel.schedule(() -> {
                    if (current(mine)) {
                        enter(PowerState.OFFLINE);
                        enter(PowerState.STARTING);
                        later(mine, PowerState.RUNNING);
                    }
                }, panel.powerDelay());
            }
            case "kill" -> enter(PowerState.OFFLINE);
            default -> throw new IllegalArgumentException(signal);
        }
    }

    private synchronized boolean current(long mine) {
        return generation == mine;
    }

    private void later(long mine, PowerState target) {
        panel.schedule(() -> {
            if (current(mine)) {
                enter(target);
                if (target == PowerState.RUNNING) {
                    consoleLine("Done! The server is running.");
                }
            }
        }, panel.powerDelay());
    }

    /**
     * Takes a console command as Wings does: ignored while the server is offline.
     *
     * @return whether the server was online to take it
     */
    boolean command(String command) {
        if (state() == PowerState.OFFLINE) {
            return false;
        }
        commands.add(command);
        consoleLine("> " + command);
        return true;
    }

    /** The usage as Wings' {@code stats} event carries it (a JSON string), advancing the network counters when running. */
    synchronized ObjectNode stats(ObjectNode node, boolean tick) {
        boolean up = state != PowerState.OFFLINE;
        if (tick && up) {
            rx += NETWORK_RX_PER_TICK;
            tx += NETWORK_TX_PER_TICK;
        }
        node.put("memory_bytes", up ? memory : 0);
        node.put("memory_limit_bytes", (long) limits.memoryMb() * 1024 * 1024);
        node.put("cpu_absolute", up ? cpu : 0);
        node.putObject("network").put("rx_bytes", up ? rx : 0).put("tx_bytes", up ? tx : 0);
        node.put("state", state.wire());
        node.put("uptime", runningSince == null ? 0 : Duration.between(runningSince, panel.now()).toMillis());
        node.put("disk_bytes", disk);
        return node;
    }

    /** The Client API's {@code resources} attributes. */
    synchronized ObjectNode resources(ObjectNode node) {
        boolean up = state != PowerState.OFFLINE;
        node.put("current_state", state.wire());
        node.put("is_suspended", false);
        ObjectNode resources = node.putObject("resources");
        resources.put("memory_bytes", up ? memory : 0);
        resources.put("cpu_absolute", up ? cpu : 0);
        resources.put("disk_bytes", disk);
        resources.put("network_rx_bytes", up ? rx : 0);
        resources.put("network_tx_bytes", up ? tx : 0);
        resources.put("uptime", runningSince == null ? 0 : Duration.between(runningSince, panel.now()).toMillis());
        return node;
    }

    Jwt.Claims newToken(String id, Instant expiresAt) {
        issued.put(id, expiresAt);
        return new Jwt.Claims(id, uuid, expiresAt);
    }

    /** Whether a token for this server was expired by force. */
    boolean forcedExpired(String tokenId) {
        return expired.contains(tokenId);
    }

    /** Forgets the ids of tokens past their expiry, which no check needs any more. */
    void pruneTokens(Instant now) {
        issued.values().removeIf(now::isAfter);
        expired.removeIf(id -> !issued.containsKey(id));
    }

    void broadcast(String event, String arg) {
        for (WingsSocket.Session session : sessions) {
            session.send(event, arg);
        }
    }

    Set<WingsSocket.Session> sessions() {
        return sessions;
    }

    @Override
    public void warnTokensExpiring() {
        sessions.forEach(session -> session.sendIfAuthenticated("token expiring"));
    }

    @Override
    public void expireTokens() {
        expired.addAll(issued.keySet());
        sessions.forEach(session -> session.sendIfAuthenticated("token expired"));
    }

    @Override
    public void dropConnections() {
        sessions.forEach(WingsSocket.Session::drop);
    }

    @Override
    public int authenticatedConnections() {
        return (int) sessions.stream().filter(WingsSocket.Session::authenticated).count();
    }
}
