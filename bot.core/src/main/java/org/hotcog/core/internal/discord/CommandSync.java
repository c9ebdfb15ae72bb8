package org.hotcog.core.internal.discord;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import org.hotcog.core.internal.registry.CommandRegistry;
import org.hotcog.core.internal.registry.RegistryListener;
import org.hotcog.core.internal.startup.StartupSignal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/**
 * Keeps the commands Discord holds equal to the commands of the active bundles. Changes are
 * debounced (a module swap or a burst of starting bundles costs one write, and at start-up the
 * first write waits until the framework has started every bundle), compared with what
 * Discord holds, and written with one bulk overwrite only when they differ: a restart with the
 * same bundles writes nothing. The commands of a module being updated stay while it comes back (see
 * {@link CommandRegistry}). Commands go to the configured development guilds, or else globally;
 * with development guilds, global commands are removed, and a guild that stops being a development
 * guild loses its commands, so that none show twice. Each process syncs the development guilds of
 * its own shards, and only the process running shard 0 writes global commands.
 */
@Component(service = CommandSync.class, immediate = true, configurationPid = DiscordConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class CommandSync implements RegistryListener {
    static final long DEBOUNCE_MILLIS = 1_500;
    private static final Logger LOG = LoggerFactory.getLogger(CommandSync.class);

    private final DiscordGateway gateway;
    private final CommandRegistry registry;
    private final long[] devGuilds;
    private final GuildsWithCommands guildsWithCommands;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "hotcog-command-sync"));
    private final AtomicLong writes = new AtomicLong();
    private final StartupSignal startup;
    private ScheduledFuture<?> pending;

    @Activate
    public CommandSync(@Reference DiscordGateway gateway, @Reference CommandRegistry registry, DiscordConfig config,
            BundleContext context) {
        this.gateway = gateway;
        this.registry = registry;
        this.devGuilds = config.devGuilds();
        this.guildsWithCommands = new GuildsWithCommands(context.getDataFile("guilds-with-commands").toPath());
        this.startup = new StartupSignal(context);
        registry.addListener(this);
        commandsChanged();
    }

    @Deactivate
    void deactivate() {
        registry.removeListener(this);
        worker.shutdownNow();
    }

    /** Bulk overwrites made since this component started. */
    public long writes() {
        return writes.get();
    }

    @Override
    public synchronized void commandsChanged() {
        if (worker.isShutdown()) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pending = worker.schedule(this::syncSafely, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void syncSafely() {
        if (!startup.bundlesStarted()) {
            // The framework is still starting bundles, whose commands would come in a second write: wait for all.
            synchronized (this) {
                if (!worker.isShutdown()) {
                    pending = worker.schedule(this::syncSafely, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
            return;
        }
        try {
            sync();
            syncAgainWhenAwaitedCommandsExpire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Command sync failed; retrying in 30 s: {}", e.toString());
            synchronized (this) {
                if (!worker.isShutdown()) {
                    pending = worker.schedule(this::syncSafely, 30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * The commands of a module expected back were written too; if it does not come back in time, they must go. A
     * change of the registry before then reschedules the sync anyway.
     */
    private synchronized void syncAgainWhenAwaitedCommandsExpire() {
        OptionalLong until = registry.awaitedUntil();
        // A pending sync still to come (the registry changed meanwhile) does the same when it has run.
        boolean laterSyncPending = pending != null && pending.getDelay(TimeUnit.MILLISECONDS) > 0;
        if (until.isPresent() && !worker.isShutdown() && !laterSyncPending) {
            pending = worker.schedule(this::syncSafely, Math.max(0, until.getAsLong() - System.currentTimeMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void sync() throws InterruptedException {
        List<CommandData> desired = registry.commandData();
        // Processes that split the bot's shards share its global commands: only the one running
        // shard 0 writes them, so that they never overwrite each other.
        if (gateway.runsShard(0)) {
            // With development guilds, global commands left from before would show twice there.
            List<CommandData> global = devGuilds.length == 0 ? desired : List.of();
            JDA jda = gateway.readyShard(0, 60);
            if (differs(global, jda.retrieveCommands().complete())) {
                jda.updateCommands().addCommands(global).complete();
                wrote(global, "globally");
            }
        }
        for (long id : devGuilds) {
            if (syncGuild(id, desired)) {
                guildsWithCommands.add(id);
            } else if (runsGuild(id)) {
                LOG.warn("Development guild {} is not one of the bot's guilds; its commands are not synced", id);
            }
        }
        for (long id : guildsWithCommands.ids()) {
            if (LongStream.of(devGuilds).noneMatch(devGuild -> devGuild == id) && runsGuild(id)) {
                syncGuild(id, List.of());
                guildsWithCommands.remove(id);
            }
        }
    }

    /** Whether this process runs the guild's shard: the process that does syncs the guild. */
    private boolean runsGuild(long id) {
        return gateway.runsShard(gateway.shardOf(id));
    }

    /**
     * Makes a guild of this process's shards hold {@code commands}, writing only if it holds others.
     *
     * @return false if the guild is not on this process's shards or the bot is not in it
     */
    private boolean syncGuild(long id, List<CommandData> commands) throws InterruptedException {
        if (!runsGuild(id)) {
            return false;
        }
        Guild guild = gateway.readyShard(gateway.shardOf(id), 60).getGuildById(id);
        if (guild == null) {
            return false;
        }
        if (differs(commands, guild.retrieveCommands().complete())) {
            guild.updateCommands().addCommands(commands).complete();
            wrote(commands, "in guild " + id);
        }
        return true;
    }

    private void wrote(List<CommandData> desired, String where) {
        writes.incrementAndGet();
        if (desired.isEmpty()) {
            LOG.info("Removed the commands {}", where);
        } else {
            LOG.info("Registered {} commands {}: {}", desired.size(), where,
                    desired.stream().map(CommandData::getName).toList());
        }
    }

    /** Compares through JDA's own serialization, so that both sides are normalized alike. */
    static boolean differs(List<CommandData> desired, List<Command> current) {
        return !same(desired, current.stream().map(CommandData::fromCommand).toList());
    }

    /**
     * Whether two command sets say the same. Numbers compare by value: an option's {@code 0} and
     * {@code 0.0} (a NUMBER option's range as declared and as read back) are the same bound.
     */
    static boolean same(List<CommandData> desired, List<CommandData> held) {
        return desired.size() == held.size() && canonical(desired).equals(canonical(held));
    }

    private static Map<String, Object> canonical(List<CommandData> commands) {
        Map<String, Object> byKey = new TreeMap<>();
        for (CommandData command : commands) {
            byKey.put(command.getType() + "/" + command.getName(), normalized(command.toData().toMap()));
        }
        return byKey;
    }

    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> sorted = new TreeMap<>();
            map.forEach((key, inner) -> sorted.put(key, normalized(inner)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CommandSync::normalized).toList();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros();
        }
        return value;
    }
}
