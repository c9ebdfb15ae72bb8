package org.hotcog.core.internal.modules;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.hotcog.api.module.ModuleHeaders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Describes the framework's bundles as modules: which are features, which are the core.
 *
 * <p>Reading a bundle's manifest headers makes the framework copy all of them into a new sorted
 * map, which for some sixty bundles (JDA's manifest alone is 45 kB) cost three quarters of the
 * time of {@code GET /api/modules}. The two headers used here are kept per bundle and read again
 * only when the bundle changes (its last-modified time moves on install and update). The whole list
 * is kept too, the same instance, until a bundle event says that something in it may have changed:
 * operators' tools poll it far more often than bundles change, and its JSON can be kept with it.
 */
@Component(service = ModuleDirectory.class)
public final class ModuleDirectory {
    private record ManifestFacts(long lastModified, String module, String name) {
    }

    /** The list as built after the {@code changes}-th bundle event. */
    private record Snapshot(long changes, List<ModuleInfo> modules) {
    }

    private final BundleContext context;
    private final Map<Long, ManifestFacts> facts = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    // Synchronous, so that the list is dropped before whoever changed a bundle can ask for it.
    private final SynchronousBundleListener changed = event -> changes.incrementAndGet();

    @Activate
    public ModuleDirectory(BundleContext context) {
        this.context = context;
        context.addBundleListener(changed);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(changed);
    }

    /** Every bundle as a module; the same list instance until a bundle changes. */
    public List<ModuleInfo> list() {
        long seen = changes.get();
        Snapshot known = snapshot.get();
        if (known != null && known.changes() == seen) {
            return known.modules();
        }
        Bundle[] bundles = context.getBundles();
        if (facts.size() > bundles.length) {
            Set<Long> present = Arrays.stream(bundles).map(Bundle::getBundleId).collect(Collectors.toSet());
            facts.keySet().retainAll(present);
        }
        List<ModuleInfo> modules = Arrays.stream(bundles).map(this::describe).toList();
        // A list built while a bundle changed is stale already: it is returned, and replaced at the next call.
        snapshot.accumulateAndGet(new Snapshot(seen, modules), (old, built) ->
                old == null || old.changes() < built.changes() ? built : old);
        return modules;
    }

    public Optional<ModuleInfo> find(long id) {
        return Optional.ofNullable(context.getBundle(id)).map(this::describe);
    }

    private ModuleInfo describe(Bundle bundle) {
        ManifestFacts manifest = facts(bundle);
        return new ModuleInfo(bundle.getBundleId(), bundle.getSymbolicName(),
                manifest.name() != null ? manifest.name() : bundle.getSymbolicName(), bundle.getVersion().toString(),
                stateName(bundle.getState()), kind(bundle, manifest.module()), manifest.module());
    }

    private ManifestFacts facts(Bundle bundle) {
        long lastModified = bundle.getLastModified();
        ManifestFacts known = facts.get(bundle.getBundleId());
        if (known == null || known.lastModified() != lastModified) {
            Dictionary<String, String> headers = bundle.getHeaders("");
            known = new ManifestFacts(lastModified, headers.get(ModuleHeaders.MODULE), headers.get(Constants.BUNDLE_NAME));
            facts.put(bundle.getBundleId(), known);
        }
        return known;
    }

    /** {@code feature} for a Hotcog module, {@code library} for another bundle an operator installed, else {@code core}. */
    static String kind(Bundle bundle, String module) {
        return module != null ? "feature" : ModuleManager.isModule(bundle, module) ? "library" : "core";
    }

    public static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "UNINSTALLED";
        };
    }
}
