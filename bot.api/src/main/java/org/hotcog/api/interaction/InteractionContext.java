package org.hotcog.api.interaction;

import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;

/**
 * What a handler knows about the interaction it handles, and how it answers. The core creates
 * one per interaction; it is valid until the interaction's token expires (15 minutes).
 */
@ProviderType
public interface InteractionContext {
    /** A short id that the log line and the command log carry too; quoted to users in errors. */
    String correlationId();

    /** The user who interacted. */
    User user();

    /** The guild, or null in a direct message. */
    Guild guild();

    /** The user as a member of the guild, or null in a direct message. */
    Member member();

    /** How to answer. */
    InteractionReply reply();

    /**
     * Refuses unless the member has every permission in the interaction's channel.
     *
     * @throws Refusal naming the permissions the member lacks, or saying the command works in a
     *     server only
     */
    void requireMemberPermissions(Permission... permissions);

    /**
     * Refuses unless the bot has every permission in the channel, or in the guild when
     * {@code channel} is null.
     *
     * @throws Refusal naming the permissions the bot lacks and where
     */
    void requireBotPermissions(GuildChannel channel, Permission... permissions);
}
