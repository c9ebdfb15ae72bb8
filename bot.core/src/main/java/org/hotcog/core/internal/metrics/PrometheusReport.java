package org.hotcog.core.internal.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

import org.hotcog.core.internal.discord.DiscordGateway;
import org.hotcog.core.internal.modules.ModuleDirectory;
import org.hotcog.core.internal.modules.ModuleInfo;
import org.hotcog.core.internal.storage.PoolUsage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * Writes the runtime's metrics in Prometheus' text exposition format (version 0.0.4):
 * interactions, their latency, the gateway's ping, module states, the connection pool and the JVM.
 */
@Component(service = PrometheusReport.class)
public final class PrometheusReport {
    /** The media type Prometheus scrapes. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final InteractionMetrics interactions;
    private final ModuleDirectory modules;
    private final PoolUsage pool;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DiscordGateway gateway;

    @Activate
    public PrometheusReport(@Reference InteractionMetrics interactions, @Reference ModuleDirectory modules,
            @Reference PoolUsage pool) {
        this.interactions = interactions;
        this.modules = modules;
        this.pool = pool;
    }

    public String write() {
        StringBuilder out = new StringBuilder(4096);
        writeInteractions(out);
        writeGateway(out);
        writeModules(out);
        writePool(out);
        writeJvm(out);
        return out.toString();
    }

    private void writeInteractions(StringBuilder out) {
        header(out, "hotcog_interactions_total", "counter", "Interactions dispatched, by module, command and outcome.");
        Map<InteractionMetrics.Key, Long> sorted = new TreeMap<>(Comparator.comparing(InteractionMetrics.Key::module)
                .thenComparing(InteractionMetrics.Key::command).thenComparing(InteractionMetrics.Key::outcome));
        interactions.interactions().forEach((key, count) -> sorted.put(key, count.sum()));
        sorted.forEach((key, count) -> sample(out, "hotcog_interactions_total",
                labels("module", key.module(), "command", key.command(), "outcome", key.outcome()), count));

        header(out, "hotcog_interaction_latency_seconds", "histogram",
                "Time from receiving an interaction to its handler finishing, by module.");
        new TreeMap<>(interactions.latency()).forEach((module, histogram) -> {
            long cumulative = 0;
            for (int i = 0; i < InteractionMetrics.BUCKETS.length; i++) {
                cumulative += histogram.buckets[i].sum();
                sample(out, "hotcog_interaction_latency_seconds_bucket",
                        labels("module", module, "le", Double.toString(InteractionMetrics.BUCKETS[i])), cumulative);
            }
            long count = histogram.count.sum();
            sample(out, "hotcog_interaction_latency_seconds_bucket", labels("module", module, "le", "+Inf"), count);
            sample(out, "hotcog_interaction_latency_seconds_sum", labels("module", module),
                    histogram.sumMillis.sum() / 1000.0);
            sample(out, "hotcog_interaction_latency_seconds_count", labels("module", module), count);
        });
    }

    private void writeGateway(StringBuilder out) {
        DiscordGateway current = gateway;
        ShardManager shards = current == null ? null : current.shards();
        header(out, "hotcog_gateway_ping_seconds", "gauge", "Heartbeat round trip of each shard's gateway connection.");
        header(out, "hotcog_gateway_connected", "gauge", "1 when the shard is connected to the gateway.");
        if (shards == null) {
            return;
        }
        for (JDA shard : shards.getShardCache()) {
            String id = Integer.toString(shard.getShardInfo().getShardId());
            sample(out, "hotcog_gateway_ping_seconds", labels("shard", id), shard.getGatewayPing() / 1000.0);
            sample(out, "hotcog_gateway_connected", labels("shard", id),
                    shard.getStatus() == JDA.Status.CONNECTED ? 1 : 0);
        }
    }

    private void writeModules(StringBuilder out) {
        header(out, "hotcog_module_active", "gauge", "1 when the module's bundle is active, with its version and state.");
        for (ModuleInfo module : modules.list()) {
            if (!"core".equals(module.kind())) {
                sample(out, "hotcog_module_active", labels("module", module.module() != null ? module.module()
                        : module.symbolicName(), "symbolic_name", module.symbolicName(), "version", module.version(),
                        "state", module.state()), "ACTIVE".equals(module.state()) ? 1 : 0);
            }
        }
    }

    private void writePool(StringBuilder out) {
        header(out, "hotcog_db_pool_connections", "gauge", "Database connections, lent out (active) or idle.");
        sample(out, "hotcog_db_pool_connections", labels("state", "active"), pool.active());
        sample(out, "hotcog_db_pool_connections", labels("state", "idle"), pool.idle());
        header(out, "hotcog_db_pool_waiting", "gauge", "Callers waiting for a database connection.");
        sample(out, "hotcog_db_pool_waiting", "", pool.waiting());
        header(out, "hotcog_db_pool_max", "gauge", "The most connections the pool opens.");
        sample(out, "hotcog_db_pool_max", "", pool.maximum());
    }

    private static void writeJvm(StringBuilder out) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        header(out, "hotcog_jvm_heap_used_bytes", "gauge", "Java heap in use.");
        sample(out, "hotcog_jvm_heap_used_bytes", "", memory.getHeapMemoryUsage().getUsed());
        header(out, "hotcog_jvm_threads", "gauge", "Live Java threads.");
        sample(out, "hotcog_jvm_threads", "", ManagementFactory.getThreadMXBean().getThreadCount());
        header(out, "hotcog_uptime_seconds", "gauge", "Seconds since the process started.");
        sample(out, "hotcog_uptime_seconds", "", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String labels, double value) {
        out.append(name).append(labels).append(' ');
        if (value == Math.rint(value) && !Double.isInfinite(value)) {
            out.append((long) value);
        } else {
            out.append(value);
        }
        out.append('\n');
    }

    /** {@code {a="1",b="2"}} from name, value pairs, with values escaped as the format asks. */
    static String labels(String... pairs) {
        StringBuilder labels = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                labels.append(',');
            }
            labels.append(pairs[i]).append("=\"").append(pairs[i + 1].replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return labels.append('}').toString();
    }
}
