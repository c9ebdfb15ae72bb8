package org.hotcog.core.internal.jobs;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.hotcog.core.internal.discord.DiscordGateway;

/**
 * The Discord shards this process runs, as the claim sees them: a job about a guild may only run
 * here if the guild's shard is one of them, since only that shard's JDA has the guild cached.
 * Jobs without a guild run anywhere.
 *
 * @param total the shard total of the bot, at least 1
 * @param ids the shards of {@code total} that this process runs; none without a Discord connection
 */
record LocalShards(int total, int[] ids) {
    /** No Discord connection: guild jobs wait for a process that has one. */
    static final LocalShards NONE = new LocalShards(1, new int[0]);

    static LocalShards of(DiscordGateway gateway) {
        int total = Math.max(1, gateway.shards().getShardsTotal());
        return new LocalShards(total, IntStream.range(0, total).filter(gateway::runsShard).toArray());
    }

    /**
     * An SQL condition on {@code guild_id} with {@link #bind} parameters. Discord's rule
     * {@code (guild_id >> 22) % total} in plain SQL: guild ids are positive, so the shift is an
     * integer division.
     */
    String filter() {
        if (ids.length == 0) {
            return "guild_id IS NULL";
        }
        return "(guild_id IS NULL OR MOD(guild_id / 4194304, ?) IN ("
                + Arrays.stream(ids).mapToObj(id -> "?").collect(Collectors.joining(", ")) + "))";
    }

    /** Binds the parameters of {@link #filter} from index {@code i}; returns the next index. */
    int bind(PreparedStatement statement, int i) throws SQLException {
        if (ids.length == 0) {
            return i;
        }
        statement.setInt(i++, total);
        for (int id : ids) {
            statement.setInt(i++, id);
        }
        return i;
    }

    @Override
    public String toString() {
        return ids.length == 0 ? "no shards" : "shards " + Arrays.toString(ids) + " of " + total;
    }
}
