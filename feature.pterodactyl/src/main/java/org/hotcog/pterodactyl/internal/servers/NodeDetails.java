package org.hotcog.pterodactyl.internal.servers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hotcog.pterodactyl.internal.client.Node;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a server runs (its node's name and location, and its address when the Client API gave none), from the
 * Application API of panels that have an application key. Answers are kept 10 minutes, so that a status message
 * edited every few seconds costs no panel request; a panel whose Application API fails is asked again a minute
 * later, said once in the log, and its status embeds simply go without the node.
 */
@Component(service = NodeDetails.class)
public final class NodeDetails {
    private static final Logger LOG = LoggerFactory.getLogger(NodeDetails.class);
    private static final long KEEP_MILLIS = Duration.ofMinutes(10).toMillis();
    private static final long RETRY_MILLIS = Duration.ofMinutes(1).toMillis();

    /**
     * @param node the node's name
     * @param location the name of the node's location, or null
     * @param address the server's address from its allocation, or null when the Client API gave one
     */
    public record Where(String node, String location, String address) {
    }

    /** A cached answer, valid for the panel (configuration) that gave it until {@code until}. */
    private record Entry(Panel panel, Object value, long until) {
    }

    /** By {@code panel/kind/id}. */
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    /** Panels whose Application API failed, until when it is not asked; by panel name. */
    private final Map<String, Entry> failing = new ConcurrentHashMap<>();
    /** Panels whose failure was logged and has not been followed by an answer since. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    /** Where the server runs, or empty without an application key, for an unknown server, or while it fails. */
    public Optional<Where> of(Panel panel, PanelServerInfo server) {
        if (!panel.client().hasApplicationKey() || server.internalId() <= 0) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        Entry failed = failing.get(panel.name());
        if (failed != null && failed.panel() == panel && now < failed.until()) {
            return Optional.empty();
        }
        try {
            Optional<Node.Placement> placement = cached(panel, "server/" + server.internalId(), now,
                    () -> panel.client().placement(server.internalId()));
            if (placement.isEmpty()) {
                return Optional.empty();
            }
            int nodeId = placement.get().nodeId();
            Optional<Node> node = cached(panel, "node/" + nodeId, now, () -> panel.client().node(nodeId));
            if (node.isEmpty()) {
                return Optional.empty();
            }
            String address = null;
            if (server.defaultAllocation().isEmpty()) {
                List<Node.NodeAllocation> allocations = cached(panel, "allocations/" + nodeId, now,
                        () -> panel.client().allocations(nodeId));
                address = allocations.stream().filter(a -> a.id() == placement.get().allocationId()).findFirst()
                        .map(Node.NodeAllocation::address).orElse(null);
            }
            failing.remove(panel.name());
            if (logged.remove(panel.name())) {
                LOG.info("The Application API of panel {} answers again", panel.name());
            }
            return Optional.of(new Where(node.get().name(), node.get().location(), address));
        } catch (PanelException e) {
            failing.put(panel.name(), new Entry(panel, null, now + RETRY_MILLIS));
            if (logged.add(panel.name())) {
                LOG.warn("The Application API of panel {} failed ({}): status embeds go without the node until it "
                        + "answers", panel.name(), e.getMessage());
            }
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(Panel panel, String what, long now, Supplier<T> load) {
        String key = panel.name() + "/" + what;
        Entry entry = cache.get(key);
        if (entry == null || entry.panel() != panel || now >= entry.until()) {
            entry = new Entry(panel, load.get(), now + KEEP_MILLIS);
            cache.put(key, entry);
        }
        return (T) entry.value();
    }
}
