package org.hotcog.tickets.internal.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.ticket.Ticket;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.IPermissionHolder;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.ChannelAction;

/**
 * A ticket's place in Discord: a text channel that only its opener, added members and roles, its category's staff
 * and the bot can see (every overwrite sent with the channel's creation, in one request), or a private thread.
 */
public final class TicketChannels {
    /** What a member of a ticket may do in its channel. */
    public static final EnumSet<Permission> MEMBER = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY, Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_EMBED_LINKS);
    /** The bot's own rights in a ticket channel, so a server-wide deny of a channel never locks it out. */
    private static final EnumSet<Permission> BOT = EnumSet.of(Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
            Permission.MESSAGE_HISTORY, Permission.MESSAGE_ATTACH_FILES, Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_MANAGE);
    /** Discord's most channels in one category. */
    public static final int CATEGORY_CAPACITY = 50;
    /** Discord answers within seconds; a call that hangs must not hold the interaction past its token. */
    static final long DISCORD_TIMEOUT_SECONDS = 15;

    private TicketChannels() {
    }

    /**
     * Refuses before anything is made when the bot lacks what a ticket of the category needs, naming the
     * permissions.
     */
    public static void requireBotPermissions(InteractionContext ctx, Guild guild, Category category) {
        if (category.privateThread()) {
            TextChannel parent = guild.getTextChannelById(category.threadChannelId());
            if (parent == null) {
                throw new Refusal("The channel that holds " + category.name() + "'s private threads no longer exists."
                        + " An admin can fix the category with /ticketcategory edit.");
            }
            ctx.requireBotPermissions(parent, Permission.VIEW_CHANNEL, Permission.CREATE_PRIVATE_THREADS,
                    Permission.MESSAGE_SEND_IN_THREADS, Permission.MANAGE_THREADS);
            return;
        }
        GuildChannel parent = category.discordCategoryId() == 0 ? null
                : guild.getCategoryById(category.discordCategoryId());
        EnumSet<Permission> needed = EnumSet.of(Permission.MANAGE_CHANNEL, Permission.MANAGE_ROLES);
        needed.addAll(BOT);
        ctx.requireBotPermissions(parent, needed.toArray(Permission[]::new));
    }

    /**
     * Makes the ticket's channel or thread and lets its opener in.
     *
     * @return the new channel
     * @throws Refusal when Discord refuses (a full category with no room in its fallback, a missing permission)
     */
    public static GuildMessageChannel create(Guild guild, Category category, Ticket ticket, Member opener) {
        String name = category.channelNameFor(ticket.number(), opener.getUser().getName());
        String reason = "Ticket " + ticket.label() + " opened by " + opener.getUser().getName();
        try {
            if (category.privateThread()) {
                return thread(guild, category, name, opener, reason);
            }
            return channel(guild, category, ticket, name, opener, reason);
        } catch (ErrorResponseException e) {
            throw refusal(e);
        }
    }

    private static ThreadChannel thread(Guild guild, Category category, String name, Member opener, String reason) {
        TextChannel parent = guild.getTextChannelById(category.threadChannelId());
        if (parent == null) {
            throw new Refusal("The channel that holds " + category.name() + "'s private threads no longer exists.");
        }
        ThreadChannel thread = parent.createThreadChannel(name, true).setInvitable(false).reason(reason)
                .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        thread.addThreadMember(opener).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        return thread;
    }

    private static TextChannel channel(Guild guild, Category category, Ticket ticket, String name, Member opener,
            String reason) {
        net.dv8tion.jda.api.entities.channel.concrete.Category parent = parentWithRoom(guild, category);
        ChannelAction<TextChannel> create = guild.createTextChannel(name, parent).setTopic(topicLine(ticket, opener))
                .reason(reason)
                .addRolePermissionOverride(guild.getPublicRole().getIdLong(), 0, Permission.VIEW_CHANNEL.getRawValue())
                .addMemberPermissionOverride(guild.getSelfMember().getIdLong(), Permission.getRaw(BOT), 0)
                .addMemberPermissionOverride(opener.getIdLong(), Permission.getRaw(MEMBER), 0);
        for (long role : category.staffRoles()) {
            create = create.addRolePermissionOverride(role, Permission.getRaw(MEMBER), 0);
        }
        return create.timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
    }

    /**
     * The category's Discord category, or its fallback while the first holds Discord's 50 channels; none when both
     * are full, since a ticket outside every category would be lost among the server's channels.
     */
    private static net.dv8tion.jda.api.entities.channel.concrete.Category parentWithRoom(Guild guild,
            Category category) {
        if (category.discordCategoryId() == 0) {
            return null;
        }
        for (long id : List.of(category.discordCategoryId(), category.fallbackCategoryId())) {
            net.dv8tion.jda.api.entities.channel.concrete.Category candidate = id == 0 ? null
                    : guild.getCategoryById(id);
            if (candidate != null && candidate.getChannels().size() < CATEGORY_CAPACITY) {
                return candidate;
            }
        }
        throw new Refusal("The Discord category of " + category.name() + " is full (Discord allows "
                + CATEGORY_CAPACITY + " channels in one)" + (category.fallbackCategoryId() == 0
                        ? " and it has no fallback category." : ", and so is its fallback.")
                + " Please try again after some tickets are closed, or ask an admin to set a fallback category.");
    }

    /** The channel topic a ticket starts with. */
    public static String topicLine(Ticket ticket, Member opener) {
        String line = "Ticket " + ticket.label() + " · " + ticket.categoryName() + " · opened by "
                + opener.getUser().getName() + (ticket.topic().isEmpty() ? "" : " · " + ticket.topic());
        return line.length() > 1024 ? line.substring(0, 1024) : line;
    }

    /** Lets an added member or role into the ticket. */
    public static void let(GuildMessageChannel channel, IPermissionHolder holder) {
        if (channel instanceof ThreadChannel thread) {
            if (holder instanceof Role) {
                throw new Refusal("Roles cannot join a private thread; add its members one by one.");
            }
            thread.addThreadMemberById(holder.getIdLong()).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .complete();
            return;
        }
        ((IPermissionContainer) channel).upsertPermissionOverride(holder).grant(MEMBER)
                .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
    }

    /**
     * Takes an added member or role out of the ticket. Its overwrite is emptied in place rather than deleted, since a
     * delete through the channel manager rewrites every overwrite from the (possibly partial) member cache.
     */
    public static void shut(GuildMessageChannel channel, IPermissionHolder holder) {
        if (channel instanceof ThreadChannel thread) {
            thread.removeThreadMemberById(holder.getIdLong()).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .complete();
            return;
        }
        ((IPermissionContainer) channel).upsertPermissionOverride(holder).clear(MEMBER)
                .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
    }

    /** What a member is told when Discord refused to make a ticket's channel. */
    private static Refusal refusal(ErrorResponseException e) {
        if (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS || e.getErrorResponse() == ErrorResponse.MISSING_ACCESS) {
            return new Refusal("Discord refused to make the ticket's channel: the bot is missing a permission "
                    + "(Manage Channels, Manage Roles or Create Private Threads). Please tell an admin.");
        }
        if (e.getMeaning() != null && e.getMeaning().contains("Maximum number of channels in category")) {
            return new Refusal("The ticket category's Discord category is full. Please try again later.");
        }
        return new Refusal("Discord refused to make the ticket's channel (" + e.getMeaning() + "). Please try again.");
    }
}
