package org.hotcog.pterodactyl.internal.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.client.PanelSocket;
import org.hotcog.pterodactyl.internal.client.Usage;
import org.hotcog.pterodactyl.internal.command.StatusEmbed;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelRegistry;
import org.hotcog.pterodactyl.internal.servers.NodeDetails;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers that live status messages show, each watched through one websocket of its panel's key (however many
 * messages show it), with its latest usage and its CPU and memory history. The messages come from the database at
 * activation, so that they all come back after a restart and after the bundle is updated; {@link LiveEditor} edits
 * them when {@link #due} says so.
 *
 * <p>A watch follows its panel: when the panel's configuration changes, the socket is opened again with the new
 * client; while the panel is gone or the socket gave up (a refused key), it is tried again every minute.
 */
@Component(service = LiveStatus.class, configurationPid = StatusConfig.PID)
@Designate(ocd = StatusConfig.class)
public final class LiveStatus {
    private static final Logger LOG = LoggerFactory.getLogger(LiveStatus.class);
    private static final long RETRY_MILLIS = Duration.ofMinutes(1).toMillis();

    /** A message and what it shows. Guarded by its watch. */
    public static final class Live {
        final StatusMessages.Location location;
        EditPolicy.Shown shown;
        boolean editing;

        Live(StatusMessages.Location location, EditPolicy.Shown shown) {
            this.location = location;
            this.shown = shown;
        }

        public StatusMessages.Location location() {
            return location;
        }
    }

    /** A watched server. */
    public final class Watch implements PanelSocket.Listener {
        final String panelName;
        final String serverId;
        final List<Live> messages = new CopyOnWriteArrayList<>();
        final History history;
        private Panel panel;
        private PanelSocket socket;
        private volatile PanelServerInfo server;
        private volatile Usage usage;
        /** Where the server runs, refreshed from {@link NodeDetails}' cache every round. */
        private volatile Optional<NodeDetails.Where> where = Optional.empty();
        private long retryAt;
        /** A watch that no message shows is kept this long for its graph (guarded by the watch). */
        private long keepUntil;
        private boolean warned;

        Watch(String panelName, String serverId) {
            this.panelName = panelName;
            this.serverId = serverId;
            this.history = new History(graphWindow);
        }

        public PanelServerInfo server() {
            return server;
        }

        public Usage usage() {
            return usage;
        }

        public History history() {
            return history;
        }

        public Optional<NodeDetails.Where> where() {
            return where;
        }

        public String ref() {
            return panelName + "/" + serverId;
        }

        @Override
        public void onStatus(String state) {
            Usage last = usage;
            usage = last == null ? new Usage(state, 0, 0, 0, 0, 0, 0, 0) : "offline".equals(state)
                    ? new Usage(state, 0, 0, last.memoryLimitBytes(), last.diskBytes(), 0, 0, 0)
                    : new Usage(state, last.cpuAbsolute(), last.memoryBytes(), last.memoryLimitBytes(),
                            last.diskBytes(), last.networkRxBytes(), last.networkTxBytes(), last.uptimeMillis());
        }

        @Override
        public void onStats(Usage stats) {
            usage = stats;
            PanelServerInfo known = server;
            history.add(System.currentTimeMillis(), known == null ? stats.cpuAbsolute()
                    : StatusEmbed.share(stats.cpuAbsolute(), known.limits().cpuPercent()), stats.memoryBytes());
        }

        @Override
        public void onGaveUp(PanelException cause) {
            LOG.warn("The live status of {} stopped: {}; tried again in a minute", ref(), cause.getMessage());
            synchronized (this) {
                socket = null;
                panel = null;
                retryAt = System.currentTimeMillis() + RETRY_MILLIS;
            }
        }

        @Override
        public void onAuthenticated() {
            PanelSocket open;
            synchronized (this) {
                open = socket;
            }
            // Wings answers with the state and use at once: no request to the panel for them
            if (open != null) {
                open.requestStats();
            }
        }

        /**
         * Opens the socket (again) when the panel changed or it is not open. Costs one panel request (the socket's
         * token); the server's details come from one list of the panel's servers shared by all watches.
         */
        synchronized void follow(Panel current, long now) {
            if (current == panel && socket != null) {
                return;
            }
            close();
            if (current == null || now < retryAt) {
                return;
            }
            try {
                if (server == null) {
                    Optional<PanelServerInfo> found = serverOf(current, serverId, now);
                    if (found.isEmpty()) {
                        retryLater(now, "the panel's key does not see the server");
                        return;
                    }
                    server = found.get();
                }
                panel = current;
                socket = current.client().openSocket(serverId, this, scheduler);
                warned = false;
            } catch (PanelException e) {
                retryLater(now, e.getMessage());
            }
        }

        private void retryLater(long now, String why) {
            // said once, not every minute
            if (!warned) {
                LOG.warn("The live status of {} cannot be followed: {}; tried again every minute", ref(), why);
                warned = true;
            }
            retryAt = now + RETRY_MILLIS;
        }

        synchronized void close() {
            if (socket != null) {
                socket.close();
                socket = null;
            }
            panel = null;
        }
    }

    /** A message to edit now, with what it will show. */
    public record Due(Watch watch, Live message, EditPolicy.Shown next) {
    }

    private final PanelRegistry panels;
    private final StatusMessages store;
    private final NodeDetails nodes;
    private final EditPolicy policy;
    private final Duration graphWindow;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hotcog-ptero-live");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    /** Each panel's list of servers, for the details of the watched ones; by panel name. */
    private final Map<String, ServerList> lists = new ConcurrentHashMap<>();

    private record ServerList(Panel panel, List<PanelServerInfo> servers, long fetchedAt) {
    }

    /** One list request a minute per panel at most, however many watches start. */
    private Optional<PanelServerInfo> serverOf(Panel panel, String serverId, long now) {
        ServerList list = lists.get(panel.name());
        if (list == null || list.panel() != panel || now - list.fetchedAt() > RETRY_MILLIS) {
            list = new ServerList(panel, List.copyOf(panel.client().listServers()), now);
            lists.put(panel.name(), list);
        }
        return list.servers().stream().filter(s -> s.identifier().equals(serverId)).findFirst();
    }

    /** @throws IllegalArgumentException naming the configuration key that is wrong */
    @Activate
    public LiveStatus(@Reference PanelRegistry panels, @Reference StatusMessages store, @Reference NodeDetails nodes,
            StatusConfig config) {
        this.panels = panels;
        this.store = store;
        this.nodes = nodes;
        this.policy = EditPolicy.of(config);
        if (config.graphWindowMinutes() < 1 || config.graphWindowMinutes() > 1440) {
            throw new IllegalArgumentException("graphWindowMinutes: 1 to 1440");
        }
        this.graphWindow = Duration.ofMinutes(config.graphWindowMinutes());
        for (StatusMessages.Location location : store.all()) {
            watch(location).messages.add(new Live(location, null));
        }
        LOG.info("Live status: {} messages of {} servers", store.all().size(), watches.size());
    }

    private Watch watch(StatusMessages.Location location) {
        return watches.computeIfAbsent(location.ref(), ref -> new Watch(location.panel(), location.serverId()));
    }

    /** A message just posted showing {@code usage}: stored, and watched from now on. */
    public void add(StatusMessages.Location location, long createdBy, PanelServerInfo server, Usage usage) {
        store.add(location, createdBy);
        Watch watch = watch(location);
        watch.server = server;
        if (watch.usage == null) {
            watch.usage = usage;
        }
        watch.messages.add(new Live(location, new EditPolicy.Shown(usage.state(),
                StatusEmbed.share(usage.cpuAbsolute(), server.limits().cpuPercent()), System.currentTimeMillis())));
    }

    /**
     * The watch of a server of the panel's key, for its graph: when no message shows the server, one is started now
     * and kept for the graph window after the last call, so that asking again finds a history.
     */
    public Watch watchForGraph(String panelName, PanelServerInfo server, Usage usage) {
        Watch watch = watches.computeIfAbsent(panelName + "/" + server.identifier(),
                ref -> new Watch(panelName, server.identifier()));
        synchronized (watch) {
            if (watch.server == null) {
                watch.server = server;
                watch.onStats(usage);
            }
            watch.keepUntil = System.currentTimeMillis() + graphWindow.toMillis();
        }
        return watch;
    }

    /**
     * Follows the panels (opening, re-opening and closing sockets) and says which messages to edit now; each is
     * marked as being edited until {@link #edited} or {@link #forget}.
     */
    public List<Due> due(long nowMillis) {
        List<Due> due = new ArrayList<>();
        for (Watch watch : watches.values()) {
            synchronized (watch) {
                if (watch.messages.isEmpty() && nowMillis > watch.keepUntil) {
                    watches.remove(watch.ref(), watch);
                    watch.close();
                    continue;
                }
            }
            Panel panel = panels.byName(watch.panelName).orElse(null);
            watch.follow(panel, nowMillis);
            Usage usage = watch.usage;
            PanelServerInfo server = watch.server;
            if (usage == null || server == null) {
                continue;
            }
            if (panel != null) {
                watch.where = nodes.of(panel, server);
            }
            EditPolicy.Shown next = new EditPolicy.Shown(usage.state(),
                    StatusEmbed.share(usage.cpuAbsolute(), server.limits().cpuPercent()), nowMillis);
            for (Live live : watch.messages) {
                synchronized (watch) {
                    if (!live.editing && policy.due(live.shown, next.state(), next.cpu(), nowMillis)) {
                        live.editing = true;
                        due.add(new Due(watch, live, next));
                    }
                }
            }
        }
        return due;
    }

    /**
     * The message was edited (or the edit failed for a reason that a later edit may not have). The least interval
     * runs from now, when Discord took the edit, not from when it was decided: a slow edit followed by a fast one
     * would otherwise reach Discord closer together than the interval.
     */
    public void edited(Due due) {
        synchronized (due.watch()) {
            due.message().shown = new EditPolicy.Shown(due.next().state(), due.next().cpu(),
                    System.currentTimeMillis());
            due.message().editing = false;
        }
    }

    /** The message is gone (deleted by hand, or its channel): not edited again, and no longer stored. */
    public void forget(Due due) {
        Watch watch = due.watch();
        watch.messages.remove(due.message());
        store.remove(due.message().location.messageId());
        LOG.info("Live status message {} of {} is gone; forgotten", due.message().location.messageId(), watch.ref());
        // without messages it stays for the graph window, as a watch started for a graph
        synchronized (watch) {
            watch.keepUntil = Math.max(watch.keepUntil, System.currentTimeMillis() + graphWindow.toMillis());
        }
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        watches.values().forEach(Watch::close);
        watches.clear();
    }
}
