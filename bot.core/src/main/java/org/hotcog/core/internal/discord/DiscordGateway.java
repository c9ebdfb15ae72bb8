package org.hotcog.core.internal.discord;

import org.hotcog.core.internal.health.HealthCheck;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/** The core's live connection to Discord, for the parts of the core that call Discord themselves. */
public interface DiscordGateway {
    /** The shards this process runs; replaced when the connection is rebuilt, so never cache it. */
    ShardManager shards();

    /** The lowest shard this process runs, waiting until it is connected (at most {@code seconds}). */
    JDA readyShard(int seconds) throws InterruptedException;

    /** The shards' states for {@code /api/health}: healthy when every shard is connected. */
    HealthCheck.Health health();
}
