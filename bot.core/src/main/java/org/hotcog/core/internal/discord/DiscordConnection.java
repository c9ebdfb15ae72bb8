package org.hotcog.core.internal.discord;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.hotcog.core.internal.config.Secrets;
import org.hotcog.core.internal.dispatch.Dispatcher;
import org.hotcog.core.internal.dispatch.GatewayListeners;
import org.hotcog.core.internal.health.HealthCheck;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.MiscUtil;

/**
 * Owns the JDA shards of this process. Reconnecting and resuming are JDA's; this component
 * builds the shards from configuration, feeds every event to the dispatcher, reports the
 * connection's health, and reconnects with wider gateway intents when a listener needs more than
 * the bundles declared when it connected.
 */
@Component(service = DiscordGateway.class, configurationPid = DiscordConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = DiscordConfig.class)
public final class DiscordConnection implements DiscordGateway {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordConnection.class);
    /**
     * What the core itself needs beyond GUILDS (guilds, channels, roles: for permission checks),
     * which JDA always asks for.
     */
    private static final Set<GatewayIntent> BASE_INTENTS = EnumSet.noneOf(GatewayIntent.class);

    private final DiscordConfig config;
    private final String token;
    private final Dispatcher dispatcher;
    private final GatewayListeners listeners;
    private final ScheduledExecutorService reconnector = Executors.newSingleThreadScheduledExecutor(
            r -> new Thread(r, "hotcog-discord-reconnect"));
    private final Consumer<Set<GatewayIntent>> intentWatcher = this::intentsChanged;
    private volatile ShardManager shards;
    private volatile Set<GatewayIntent> intents;
    private ScheduledFuture<?> pendingReconnect;

    @Activate
    public DiscordConnection(DiscordConfig config, @Reference Dispatcher dispatcher,
            @Reference GatewayListeners listeners, @Reference Secrets secrets, BundleContext context) {
        this.config = config;
        this.token = config._token().isEmpty() ? secrets.discordToken() : config._token();
        this.dispatcher = dispatcher;
        this.listeners = listeners;
        Set<GatewayIntent> initial = union(listeners.intents());
        // and those of the listeners of bundles still to start, so that they need no reconnect
        initial.addAll(DeclaredIntents.ofStartingBundles(context));
        this.intents = initial;
        this.shards = connect(intents);
        listeners.watchIntents(intentWatcher);
    }

    @Deactivate
    void deactivate() {
        listeners.unwatchIntents(intentWatcher);
        // Under the lock that a reconnect holds while it swaps the shards: a reconnect that was
        // running finishes first, and the shards shut down here are the ones it left.
        synchronized (this) {
            reconnector.shutdownNow();
        }
        disconnect(shards);
    }

    @Override
    public ShardManager shards() {
        return shards;
    }

    @Override
    public boolean runsShard(int shardId) {
        return config.shardTotal() == 0 || config.shardIds().length == 0
                || IntStream.of(config.shardIds()).anyMatch(id -> id == shardId);
    }

    @Override
    public int shardOf(long guildId) {
        return MiscUtil.getShardForGuild(guildId, shards.getShardsTotal());
    }

    @Override
    public JDA readyShard(int shardId, int seconds) throws InterruptedException {
        if (!runsShard(shardId)) {
            throw new IllegalArgumentException("shard " + shardId + " runs in another process");
        }
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            JDA shard = shards.getShardById(shardId);
            if (shard != null && shard.getStatus() == JDA.Status.CONNECTED) {
                return shard;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Shard " + shardId + " is not connected after " + seconds + " s");
    }

    private ShardManager connect(Set<GatewayIntent> intents) {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(token, intents)
                .addEventListeners(dispatcher)
                .setHttpClient(DiscordHttpClient.forApi(config.apiUrl()))
                .setMemberCachePolicy(MemberCachePolicy.NONE)
                .setChunkingFilter(ChunkingFilter.NONE)
                .setEnableShutdownHook(false);
        if (config.shardTotal() > 0) {
            builder.setShardsTotal(config.shardTotal());
            if (config.shardIds().length > 0) {
                builder.setShards(config.shardIds());
            }
        }
        if (!config.apiUrl().isBlank()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(withSlash(config.apiUrl())));
        }
        if (!config.gatewayUrl().isBlank()) {
            builder.setSessionController(new FixedGatewaySessionController(config.gatewayUrl(), config.shardTotal()));
        }
        LOG.info("Connecting to {} with intents {}", config.apiUrl().isBlank() ? "Discord" : config.apiUrl(), intents);
        return builder.build();
    }

    private static void disconnect(ShardManager shards) {
        List<JDA> all = List.copyOf(shards.getShardCache().asList());
        shards.shutdown();
        for (JDA shard : all) {
            try {
                shard.awaitShutdown(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // the shards share the client the connection built
        all.stream().map(JDA::getHttpClient).distinct().forEach(DiscordHttpClient::close);
    }

    /**
     * Intents are fixed when a session starts: a listener that needs more makes the shards
     * reconnect, a few seconds later so that a burst of starting bundles costs one reconnect.
     */
    private synchronized void intentsChanged(Set<GatewayIntent> needed) {
        Set<GatewayIntent> wanted = union(needed);
        if (intents.containsAll(wanted) || reconnector.isShutdown()) {
            return;
        }
        if (pendingReconnect != null) {
            pendingReconnect.cancel(false);
        }
        pendingReconnect = reconnector.schedule(this::reconnect, 3, TimeUnit.SECONDS);
    }

    private void reconnect() {
        ShardManager old;
        synchronized (this) {
            if (reconnector.isShutdown()) {
                return;
            }
            Set<GatewayIntent> target = union(listeners.intents());
            LOG.info("Reconnecting to Discord with intents {}", target);
            old = shards;
            intents = target;
            shards = connect(target);
        }
        disconnect(old);
    }

    private static Set<GatewayIntent> union(Set<GatewayIntent> more) {
        Set<GatewayIntent> all = EnumSet.noneOf(GatewayIntent.class);
        all.addAll(BASE_INTENTS);
        all.addAll(more);
        return all;
    }

    private static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public HealthCheck.Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        ShardManager current = shards;
        // shards still waiting for their turn to identify are not in the cache yet
        boolean connected = !current.getShardCache().isEmpty() && current.getShardsQueued() == 0;
        Map<String, String> states = new LinkedHashMap<>();
        for (JDA shard : current.getShardCache()) {
            states.put(Integer.toString(shard.getShardInfo().getShardId()), shard.getStatus().name());
            connected &= shard.getStatus() == JDA.Status.CONNECTED;
        }
        details.put("state", connected ? "CONNECTED" : "CONNECTING");
        details.put("shards", states);
        details.put("shardTotal", current.getShardsTotal());
        details.put("gatewayPingMs", (long) current.getAverageGatewayPing());
        details.put("guilds", current.getGuildCache().size());
        return new HealthCheck.Health(connected, details);
    }
}
