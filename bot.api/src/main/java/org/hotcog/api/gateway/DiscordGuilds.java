package org.hotcog.api.gateway;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.entities.Guild;

/**
 * The guilds this process has in JDA's cache, for work that does not start from a Discord event:
 * a scheduled job about a guild (see {@code org.hotcog.api.jobs.Jobs#forGuild}) finds its guild
 * here. Registered only while the bot is connected to Discord; a component that references it
 * waits for the connection.
 *
 * {@snippet :
 * Guild guild = guilds.find(guildId).orElseThrow(() -> new IllegalStateException("not in " + guildId));
 * }
 *
 * @since 1.1
 */
@ProviderType
public interface DiscordGuilds {
    /**
     * The guild, if this process runs its shard and the bot is in it; empty otherwise (also while
     * the shard is still connecting).
     */
    Optional<Guild> find(long guildId);
}
