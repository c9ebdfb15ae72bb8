package org.hotcog.pterodactyl.internal.panel;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotcog.pterodactyl.internal.client.PanelClient;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.RequestBudgets;
import org.hotcog.pterodactyl.internal.panel.PanelState.Status;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The panels in use, by name and by guild, built from the panel configurations. A configuration that is wrong is
 * reported by field and leaves the previous valid panel of the same configuration running; a change is checked
 * against the panel (reachable, keys accepted) before it replaces the running panel. A change that only re-stores
 * a key (sealed in place of plain) changes nothing.
 *
 * <p>Owns the HTTP client and the request budgets that every client of the bundle shares, so that a panel key and
 * a member key are each held to the panel's rate limit however many clients use them.
 */
@Component(service = PanelRegistry.class)
public final class PanelRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PanelRegistry.class);
    /** The panel's own limit per key. */
    static final int REQUESTS_PER_MINUTE = 240;

    private final ExecutorService httpThreads;
    private final ExecutorService checks;
    private final HttpClient http;
    private final RequestBudgets budgets;
    private final PanelClient.Settings clientSettings;
    /** Guarded by this: the running panel and the state of each configuration, by pid. */
    private final Map<String, Panel> running = new ConcurrentHashMap<>();
    private final Map<String, PanelState> states = new ConcurrentHashMap<>();
    /** Each configuration's latest change; a check of an older change is dropped. */
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();
    private final AtomicInteger generation = new AtomicInteger();

    @Activate
    public PanelRegistry() {
        this(PanelClient.Settings.defaults());
    }

    PanelRegistry(PanelClient.Settings clientSettings) {
        this.clientSettings = clientSettings;
        this.httpThreads = Executors.newCachedThreadPool(named("hotcog-ptero-http"));
        this.checks = Executors.newSingleThreadExecutor(named("hotcog-ptero-check"));
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();
        this.budgets = new RequestBudgets(REQUESTS_PER_MINUTE, Clock.systemUTC());
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The panel of this name, if one runs. */
    public Optional<Panel> byName(String name) {
        return running.values().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The panels a guild may use, by name. */
    public List<Panel> forGuild(long guildId) {
        return running.values().stream().filter(p -> p.allows(guildId)).sorted(Comparator.comparing(Panel::name))
                .toList();
    }

    /** The panel of this name if the guild may use it. */
    public Optional<Panel> forGuild(long guildId, String name) {
        return byName(name).filter(p -> p.allows(guildId));
    }

    /** The state of every configuration, by name. */
    public List<PanelState> states() {
        return states.values().stream().sorted(Comparator.comparing(PanelState::name)).toList();
    }

    /** A client of the panel for a member's own key, sharing the key's budget with every other client of it. */
    public PanelClient clientFor(Panel panel, String clientKey) {
        return new PanelClient(http, panel.settings().url(), clientKey, null, clientSettings, budgets);
    }

    /** Forgets a key's request budget, for a member key that was unlinked. */
    public void forgetKey(String clientKey) {
        budgets.forget(clientKey);
    }

    /**
     * Takes a valid configuration: at once when the configuration is new (then checked, with the outcome in its
     * state), after a successful check when it changes a running panel, and not at all when it equals the running
     * one.
     */
    public synchronized void configure(String pid, PanelSettings settings) {
        int mine = generation.incrementAndGet();
        generations.put(pid, mine);
        Panel current = running.get(pid);
        if (current != null && current.settings().equals(settings)) {
            setState(pid, settings.name(), Status.ACTIVE, List.of());
            return;
        }
        Optional<Panel> clash = byName(settings.name()).filter(p -> !p.pid().equals(pid));
        if (clash.isPresent()) {
            reject(pid, settings.name(), List.of("name: \"" + settings.name()
                    + "\" is the name of another panel configuration (" + clash.get().pid() + ")"));
            return;
        }
        Panel candidate = new Panel(pid, settings, new PanelClient(http, settings.url(), settings.clientKey(),
                settings.applicationKey(), clientSettings, budgets));
        if (current == null) {
            install(candidate);
            setState(pid, settings.name(), Status.CHECKING, List.of());
        } else {
            setState(pid, settings.name(), Status.CHECKING, List.of());
        }
        try {
            checks.execute(() -> check(candidate, mine));
        } catch (RejectedExecutionException e) {
            // deactivating: nothing to check any more
        }
    }

    /** Records a configuration that cannot be used; the previous valid panel of it, if any, keeps running. */
    public synchronized void reject(String pid, String name, List<String> problems) {
        generations.put(pid, generation.incrementAndGet());
        Panel current = running.get(pid);
        LOG.warn("Pterodactyl panel configuration {} ({}) is invalid, {}: {}", pid, name,
                current == null ? "the panel is not used" : "panel " + current.name() + " keeps its previous settings",
                String.join("; ", problems));
        setState(pid, current == null ? name : current.name(), Status.INVALID, problems);
    }

    /** The configuration was deleted (or its component stopped): its panel is no longer used. */
    public synchronized void remove(String pid) {
        generations.remove(pid);
        states.remove(pid);
        Panel removed = running.remove(pid);
        if (removed != null) {
            LOG.info("Pterodactyl panel {} removed", removed.name());
        }
    }

    private void check(Panel candidate, int mine) {
        List<String> problems = new ArrayList<>();
        Status failed = Status.INVALID;
        try {
            candidate.client().listServers();
            if (candidate.client().hasApplicationKey()) {
                try {
                    candidate.client().node(1);
                } catch (PanelException.Unauthorized | PanelException.Forbidden e) {
                    problems.add("applicationKey: the panel refused the key");
                }
            }
        } catch (PanelException.Unauthorized | PanelException.Forbidden e) {
            problems.add("clientKey: the panel refused the key");
        } catch (PanelException.Unavailable | PanelException.RateLimited e) {
            problems.add("url: the panel did not answer (" + e.getMessage() + ")");
            failed = Status.UNREACHABLE;
        } catch (PanelException e) {
            problems.add("url: this is not a Pterodactyl panel's API (" + e.getMessage() + ")");
        }
        synchronized (this) {
            String pid = candidate.pid();
            if (generations.getOrDefault(pid, -1) != mine) {
                return;
            }
            Panel current = running.get(pid);
            boolean first = current == candidate;
            if (problems.isEmpty()) {
                if (!first) {
                    install(candidate);
                }
                setState(pid, candidate.name(), Status.ACTIVE, List.of());
            } else {
                LOG.warn("Pterodactyl panel {} {}: {}", candidate.name(), first
                        ? "is used, but its check failed" : "keeps its previous settings, the new ones failed their check",
                        String.join("; ", problems));
                setState(pid, candidate.name(), failed, problems);
            }
        }
    }

    private void install(Panel panel) {
        running.put(panel.pid(), panel);
        LOG.info("Pterodactyl panel {} in use: {}", panel.name(), panel.settings());
    }

    private void setState(String pid, String name, Status status, List<String> problems) {
        states.put(pid, new PanelState(pid, name, status, List.copyOf(problems), running.containsKey(pid),
                java.time.Instant.now()));
    }

    @Deactivate
    void deactivate() {
        checks.shutdownNow();
        httpThreads.shutdownNow();
        running.clear();
    }
}
