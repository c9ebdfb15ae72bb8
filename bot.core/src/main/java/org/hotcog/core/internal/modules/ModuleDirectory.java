package org.hotcog.core.internal.modules;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.hotcog.api.module.ModuleHeaders;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Describes the framework's bundles as modules: which are features, which are the core. */
@Component(service = ModuleDirectory.class)
public final class ModuleDirectory {
    private final BundleContext context;

    @Activate
    public ModuleDirectory(BundleContext context) {
        this.context = context;
    }

    public List<ModuleInfo> list() {
        return Arrays.stream(context.getBundles()).map(ModuleDirectory::describe).toList();
    }

    public Optional<ModuleInfo> find(long id) {
        return Optional.ofNullable(context.getBundle(id)).map(ModuleDirectory::describe);
    }

    static ModuleInfo describe(Bundle bundle) {
        String module = bundle.getHeaders("").get(ModuleHeaders.MODULE);
        String name = bundle.getHeaders("").get(Constants.BUNDLE_NAME);
        return new ModuleInfo(bundle.getBundleId(), bundle.getSymbolicName(),
                name != null ? name : bundle.getSymbolicName(), bundle.getVersion().toString(),
                stateName(bundle.getState()), kind(bundle, module), module);
    }

    /** {@code feature} for a Hotcog module, {@code library} for another bundle an operator installed, else {@code core}. */
    static String kind(Bundle bundle, String module) {
        return module != null ? "feature" : ModuleManager.isModule(bundle) ? "library" : "core";
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
