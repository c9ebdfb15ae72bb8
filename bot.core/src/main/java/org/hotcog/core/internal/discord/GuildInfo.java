package org.hotcog.core.internal.discord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;

/**
 * A guild of this process's shards, as {@code GET /api/guilds} and the console list it.
 *
 * @param id the guild id, as text (JSON numbers lose precision past 2^53)
 * @param name its name
 * @param members its member count as Discord reports it
 * @param shard the shard that serves it
 */
public record GuildInfo(String id, String name, int members, int shard) {

    /** The guilds of the gateway's shards by name; none while it is not connected. */
    public static List<GuildInfo> of(DiscordGateway gateway) {
        ShardManager shards = gateway == null ? null : gateway.shards();
        if (shards == null) {
            return List.of();
        }
        List<GuildInfo> guilds = new ArrayList<>();
        for (Guild guild : shards.getGuildCache()) {
            guilds.add(new GuildInfo(guild.getId(), guild.getName(), guild.getMemberCount(),
                    guild.getJDA().getShardInfo().getShardId()));
        }
        guilds.sort(Comparator.comparing(GuildInfo::name));
        return guilds;
    }
}
