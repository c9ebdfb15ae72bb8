package org.hotcog.core.internal.discord;

import org.hotcog.core.internal.health.HealthCheck;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.sharding.ShardManager;

/** The core's live connection to Discord, for the parts of the core that call Discord themselves. */
public interface DiscordGateway {
    /** The shards this process runs; replaced when the connection is rebuilt, so never cache it. */
    ShardManager shards();

    /** Whether this process runs shard {@code shardId}: every shard, unless the configuration names some. */
    boolean runsShard(int shardId);

    /** The shard a guild's events come on, by Discord's rule {@code (guild_id >> 22) % shard total}. */
    int shardOf(long guildId);

    /**
     * Shard {@code shardId}, waiting until it is connected (at most {@code seconds}).
     *
     * @throws IllegalArgumentException if this process does not run that shard
     * @throws IllegalStateException if the shard is not connected in time
     */
    JDA readyShard(int shardId, int seconds) throws InterruptedException;

    /** The shards' states for {@code /api/health}: healthy when every shard is connected. */
    HealthCheck.Health health();
}
