package org.hotcog.core.internal.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hotcog.api.module.ModuleHeaders;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.modules.ModuleDetail;
import org.hotcog.core.internal.modules.ModuleDirectory;
import org.hotcog.core.internal.modules.ModuleInfo;
import org.hotcog.core.internal.modules.ModuleManager;
import org.hotcog.core.internal.registry.CommandRegistry;
import org.hotcog.core.internal.registry.Route;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A module with its commands, REST paths, services and problems, as {@code GET /api/modules/{id}}
 * and the console's Hotcog tab show it; and modules found by id, module name or symbolic name.
 */
@Component(service = ModuleDetails.class)
public final class ModuleDetails {
    private final BundleContext context;
    private final ModuleDirectory directory;
    private final ModuleManager manager;
    private final CommandRegistry registry;
    private final RestCatalog endpoints;

    @Activate
    public ModuleDetails(BundleContext context, @Reference ModuleDirectory directory, @Reference ModuleManager manager,
            @Reference CommandRegistry registry, @Reference RestCatalog endpoints) {
        this.context = context;
        this.directory = directory;
        this.manager = manager;
        this.registry = registry;
        this.endpoints = endpoints;
    }

    /** A bundle by id, module name or symbolic name. */
    public Optional<Bundle> find(String id) {
        if (!id.isEmpty() && id.length() < 19 && id.chars().allMatch(Character::isDigit)) {
            return Optional.ofNullable(context.getBundle(Long.parseLong(id)));
        }
        return Arrays.stream(context.getBundles()).filter(b -> id.equals(b.getSymbolicName())
                || id.equals(b.getHeaders("").get(ModuleHeaders.MODULE))).findFirst();
    }

    public ModuleDetail describe(Bundle bundle) {
        ModuleInfo info = directory.find(bundle.getBundleId()).orElseThrow();
        String module = info.module() != null ? info.module()
                : bundle.getBundleId() == context.getBundle().getBundleId() ? CommandRegistry.CORE_MODULE : "";
        List<String> commands = Arrays.stream(Route.Kind.values()).filter(Route.Kind::isCommand)
                .flatMap(kind -> registry.routes(kind).stream()).filter(route -> route.module().equals(module))
                .map(route -> route.kind() == Route.Kind.SLASH ? "/" + route.key()
                        : route.kind().name().toLowerCase(Locale.ROOT) + ": " + route.key())
                .toList();
        List<String> rest = endpoints.endpoints().stream().filter(e -> e.bundleId() == bundle.getBundleId())
                .map(e -> e.method() + " " + HotcogRest.BASE_PATH + e.path()).toList();
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        List<String> services = registered == null ? List.of()
                : Arrays.stream(registered).flatMap(r -> Arrays.stream((String[]) r.getProperty("objectClass")))
                        .distinct().sorted().toList();
        return new ModuleDetail(info, manager.previousVersion(bundle), commands, rest, services,
                manager.problems(bundle));
    }
}
