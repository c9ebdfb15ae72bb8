package org.hotcog.core.internal.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.hotcog.api.command.Cooldown;
import org.hotcog.api.command.MessageCommand;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.UserCommand;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.ModalHandler;
import org.hotcog.api.module.ModuleHeaders;
import org.hotcog.core.internal.startup.StartupSignal;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * The whiteboard of interaction handlers: every command, component and modal handler service of
 * every bundle, by command name or custom-id prefix.
 *
 * <p>A name or prefix belongs to one handler; a second claim is refused with a log line naming
 * both modules. When a handler leaves, its bundle's stop waits (up to {@link #DRAIN_MILLIS}) for
 * its running interactions, and the registry remembers which module owned the name so that the
 * dispatcher can hold interactions for it until the module is back.
 *
 * <p>The commands of a module that stops only to come back (an update, a refresh, a rollback) stay
 * in {@link #commandData()} for up to {@link #RETURN_HOLD_MILLIS}: an update that takes longer than
 * the command sync's debounce must not take its commands out of Discord and put them back. A module
 * the operator stopped, or uninstalled, loses its commands at once.
 */
@Component(service = CommandRegistry.class, immediate = true)
public final class CommandRegistry {
    static final long DRAIN_MILLIS = 30_000;
    /** As long as the dispatcher waits by default for a module to come back, so that both give up together. */
    static final long RETURN_HOLD_MILLIS = 10_000;
    /** The core's own bundle has no module header; its commands are listed under this name. */
    public static final String CORE_MODULE = "core";
    private static final Logger LOG = LoggerFactory.getLogger(CommandRegistry.class);

    private final Map<Route.Kind, NavigableMap<String, Route>> routes = new EnumMap<>(Route.Kind.class);
    private final Map<Route.Kind, Map<String, String>> formerOwners = new EnumMap<>(Route.Kind.class);
    /** Commands of modules that left and are expected back, by {@link #commandKey}. */
    private final Map<String, AwaitedCommand> awaited = new ConcurrentHashMap<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();
    private final CommandCatalog catalog;

    @Activate
    public CommandRegistry(@Reference CommandCatalog catalog) {
        this.catalog = catalog;
        for (Route.Kind kind : Route.Kind.values()) {
            routes.put(kind, new ConcurrentSkipListMap<>());
            formerOwners.put(kind, new ConcurrentHashMap<>());
        }
    }

    public void addListener(RegistryListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RegistryListener listener) {
        listeners.remove(listener);
    }

    /** The handler of a command name (slash, user or message command). */
    public Optional<Route> command(Route.Kind kind, String name) {
        return Optional.ofNullable(routes.get(kind).get(name));
    }

    /** The handler whose prefix starts the custom id; prefixes never overlap, so at most one does. */
    public Optional<Route> byCustomId(Route.Kind kind, String customId) {
        Map.Entry<String, Route> candidate = routes.get(kind).floorEntry(customId);
        return candidate != null && customId.startsWith(candidate.getKey()) ? Optional.of(candidate.getValue())
                : Optional.empty();
    }

    /**
     * The module that owned a command name or a prefix matching the custom id before it left, if
     * it has not come back: its interactions are worth waiting for.
     */
    public Optional<String> formerOwner(Route.Kind kind, String nameOrCustomId) {
        Map<String, String> owners = formerOwners.get(kind);
        if (kind.isCommand()) {
            return Optional.ofNullable(owners.get(nameOrCustomId));
        }
        return owners.entrySet().stream().filter(e -> nameOrCustomId.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Every registered route, for {@code /help} and REST. */
    public List<Route> routes(Route.Kind kind) {
        return List.copyOf(routes.get(kind).values());
    }

    /**
     * The application commands Discord should hold, in a stable order: those registered, and those of
     * modules expected back (see the class comment).
     */
    public List<CommandData> commandData() {
        List<CommandData> data = new ArrayList<>();
        for (Route.Kind kind : List.of(Route.Kind.SLASH, Route.Kind.USER, Route.Kind.MESSAGE)) {
            for (Route route : routes.get(kind).values()) {
                data.add(dataOf(route));
            }
        }
        dropExpiredAwaited();
        for (AwaitedCommand command : awaited.values()) {
            if (routes.get(command.kind()).get(command.data().getName()) == null) {
                data.add(command.data());
            }
        }
        data.sort(Comparator.comparing((CommandData d) -> d.getType().ordinal()).thenComparing(CommandData::getName));
        return data;
    }

    /** When the first of the commands kept for modules expected back is to be given up, if any is kept. */
    public OptionalLong awaitedUntil() {
        return awaited.values().stream().mapToLong(AwaitedCommand::until).min();
    }

    /** Forgets the commands whose module is no longer expected back, so that nothing of it is kept longer. */
    private void dropExpiredAwaited() {
        long now = System.currentTimeMillis();
        awaited.values().removeIf(command -> !command.stillAwaited(now));
    }

    private static CommandData dataOf(Route route) {
        return switch (route.kind()) {
            case SLASH -> ((SlashCommand) route.handler()).data();
            case USER -> ((UserCommand) route.handler()).data();
            default -> ((MessageCommand) route.handler()).data();
        };
    }

    private static String commandKey(Route.Kind kind, String name) {
        return kind + "/" + name;
    }

    /**
     * A command whose module left and is expected back: its bundle still reads as started, which an update, a refresh
     * or a transient stop leave so, and a stop by the operator or an uninstall do not.
     */
    private record AwaitedCommand(Route.Kind kind, CommandData data, Bundle bundle, long until) {
        boolean stillAwaited(long now) {
            return now < until && StartupSignal.persistentlyStarted(bundle);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindSlash(SlashCommand command, ServiceReference<SlashCommand> ref) {
        add(Route.Kind.SLASH, command.data().getName(), command, ref);
    }

    void unbindSlash(SlashCommand command, ServiceReference<SlashCommand> ref) {
        remove(Route.Kind.SLASH, command, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindUser(UserCommand command, ServiceReference<UserCommand> ref) {
        add(Route.Kind.USER, command.data().getName(), command, ref);
    }

    void unbindUser(UserCommand command, ServiceReference<UserCommand> ref) {
        remove(Route.Kind.USER, command, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindMessage(MessageCommand command, ServiceReference<MessageCommand> ref) {
        add(Route.Kind.MESSAGE, command.data().getName(), command, ref);
    }

    void unbindMessage(MessageCommand command, ServiceReference<MessageCommand> ref) {
        remove(Route.Kind.MESSAGE, command, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindComponent(ComponentHandler handler, ServiceReference<ComponentHandler> ref) {
        addPrefixed(Route.Kind.COMPONENT, handler, ref);
    }

    void unbindComponent(ComponentHandler handler, ServiceReference<ComponentHandler> ref) {
        remove(Route.Kind.COMPONENT, handler, ref);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModal(ModalHandler handler, ServiceReference<ModalHandler> ref) {
        addPrefixed(Route.Kind.MODAL, handler, ref);
    }

    void unbindModal(ModalHandler handler, ServiceReference<ModalHandler> ref) {
        remove(Route.Kind.MODAL, handler, ref);
    }

    private void addPrefixed(Route.Kind kind, Object handler, ServiceReference<?> ref) {
        Object prefix = ref.getProperty("hotcog.custom.id.prefix");
        if (!(prefix instanceof String p) || p.length() < 2 || p.length() > 50) {
            LOG.error("{} handler {} of module {} has no valid @CustomIdPrefix (2 to 50 characters); ignored",
                    kind, handler.getClass().getName(), moduleOf(ref));
            return;
        }
        add(kind, p, handler, ref);
    }

    private synchronized void add(Route.Kind kind, String key, Object handler, ServiceReference<?> ref) {
        String module = moduleOf(ref);
        Optional<Route> clash = routes.get(kind).values().stream()
                .filter(r -> kind.isCommand() ? r.key().equals(key) : r.key().startsWith(key) || key.startsWith(r.key()))
                .findFirst();
        if (clash.isPresent()) {
            LOG.error("{} \"{}\" of module {} clashes with \"{}\" of module {}; the one of {} is ignored",
                    kind, key, module, clash.get().key(), clash.get().module(), module);
            return;
        }
        Route route = new Route(kind, key, module, handler, cooldown(ref), cooldownScope(ref), new InFlight());
        routes.get(kind).put(key, route);
        formerOwners.get(kind).remove(key);
        awaited.remove(commandKey(kind, key));
        catalog.publish(routes(Route.Kind.SLASH));
        for (RegistryListener listener : listeners) {
            listener.routeAdded(route);
            if (kind.isCommand()) {
                listener.commandsChanged();
            }
        }
    }

    private void remove(Route.Kind kind, Object handler, ServiceReference<?> ref) {
        Route removed;
        synchronized (this) {
            removed = routes.get(kind).values().stream().filter(r -> r.handler() == handler).findFirst().orElse(null);
            if (removed == null) {
                return; // it was refused at bind time
            }
            // Owner first, then the route: a concurrent lookup always finds one of the two.
            formerOwners.get(kind).put(removed.key(), removed.module());
            dropExpiredAwaited();
            Bundle bundle = ref.getBundle();
            if (kind.isCommand() && StartupSignal.persistentlyStarted(bundle)) {
                awaited.put(commandKey(kind, removed.key()), new AwaitedCommand(kind, dataOf(removed), bundle,
                        System.currentTimeMillis() + RETURN_HOLD_MILLIS));
            }
            routes.get(kind).remove(removed.key());
            catalog.publish(routes(Route.Kind.SLASH));
        }
        if (kind.isCommand()) {
            listeners.forEach(RegistryListener::commandsChanged);
        }
        try {
            if (!removed.inFlight().awaitIdle(DRAIN_MILLIS)) {
                LOG.warn("{} \"{}\" of module {} left with {} interactions still running", kind, removed.key(),
                        removed.module(), removed.inFlight().running());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration cooldown(ServiceReference<?> ref) {
        Object seconds = ref.getProperty("hotcog.cooldown.seconds");
        return seconds instanceof Number n && n.intValue() > 0 ? Duration.ofSeconds(n.intValue()) : null;
    }

    private static Cooldown.Scope cooldownScope(ServiceReference<?> ref) {
        Object scope = ref.getProperty("hotcog.cooldown.per");
        try {
            return scope == null ? Cooldown.Scope.USER : Cooldown.Scope.valueOf(scope.toString());
        } catch (IllegalArgumentException e) {
            return Cooldown.Scope.USER;
        }
    }

    /** The module a service belongs to: its bundle's Hotcog-Module header. */
    public static String moduleOf(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        return bundle == null ? "unknown" : moduleOf(bundle);
    }

    /**
     * A bundle's module name: its Hotcog-Module header; {@value #CORE_MODULE} for the core; the
     * symbolic name of any other bundle.
     */
    public static String moduleOf(Bundle bundle) {
        String module = bundle.getHeaders("").get(ModuleHeaders.MODULE);
        if (module != null) {
            return module;
        }
        return bundle.equals(FrameworkUtil.getBundle(CommandRegistry.class)) ? CORE_MODULE : bundle.getSymbolicName();
    }
}
