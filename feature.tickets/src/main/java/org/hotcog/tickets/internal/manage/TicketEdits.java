package org.hotcog.tickets.internal.manage;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.discord.Access.InTicket;
import org.hotcog.tickets.internal.discord.TicketChannels;
import org.hotcog.tickets.internal.ticket.Priority;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;

/**
 * Changes of an open ticket by its staff: name, topic, priority and category. Discord is changed first and the
 * database after, so a refusal by Discord leaves both as they were.
 */
@Component(service = TicketEdits.class)
public final class TicketEdits {
    public static final int MAX_NAME = 90;
    public static final int MAX_TOPIC = 1024;
    private static final long DISCORD_TIMEOUT_SECONDS = 15;

    private final Access access;
    private final TicketStore tickets;

    @Activate
    public TicketEdits(@Reference Access access, @Reference TicketStore tickets) {
        this.access = access;
        this.tickets = tickets;
    }

    /**
     * A new channel name, with the priority's mark kept in front. Discord lets a channel be renamed twice in ten
     * minutes; a third rename waits for Discord, and the member is told instead of waiting.
     */
    public void rename(InteractionContext ctx, GuildMessageChannel channel, String typed) {
        Ticket ticket = access.asStaff(ctx, channel.getIdLong()).ticket();
        String name = typed.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\-]+", "-");
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new Refusal("A ticket's name is 1 to " + MAX_NAME + " letters, digits, '-' or '_'.");
        }
        String marked = ticket.priority().mark(name);
        setName(channel, marked);
        ctx.reply().send("The ticket is now called **" + marked + "**.");
    }

    /** The ticket's topic, shown in the channel's topic too. The opener may change it as well as staff. */
    public void topic(InteractionContext ctx, GuildMessageChannel channel, String typed) {
        Ticket ticket = access.asOpenerOrStaff(ctx, channel.getIdLong()).ticket();
        String topic = typed.strip();
        if (topic.length() > MAX_TOPIC) {
            throw new Refusal("A topic is at most " + MAX_TOPIC + " characters.");
        }
        if (channel instanceof TextChannel text) {
            text.getManager().setTopic(topic.isEmpty() ? null : "Ticket " + ticket.label() + " · " + topic)
                    .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        }
        tickets.setTopic(ticket.id(), topic);
        ctx.reply().send(topic.isEmpty() ? "The ticket has no topic now." : "Topic: " + topic);
    }

    /** The ticket's priority, as a coloured mark in front of its channel's name. */
    public void priority(InteractionContext ctx, GuildMessageChannel channel, Priority priority) {
        Ticket ticket = access.asStaff(ctx, channel.getIdLong()).ticket();
        setName(channel, priority.mark(channel.getName()));
        tickets.setPriority(ticket.id(), priority);
        ctx.reply().send("Priority: **" + priority.wireName() + "**.");
    }

    /**
     * Moves the ticket to another category: its channel goes to that category's Discord category, the old staff
     * roles leave and the new ones come in (in one edit of the channel), and the new staff handle it from now on.
     */
    public void move(InteractionContext ctx, GuildMessageChannel channel, Category to) {
        InTicket here = access.asStaff(ctx, channel.getIdLong());
        if (here.category().id() == to.id()) {
            throw new Refusal("The ticket is in " + to.name() + " already.");
        }
        if (here.ticket().thread() != to.privateThread()) {
            throw new Refusal("A ticket moves between categories of the same kind: both with channels, or both with "
                    + "private threads.");
        }
        if (channel instanceof TextChannel text) {
            moveChannel(ctx.guild(), text, here.category(), to);
        }
        tickets.move(here.ticket().id(), to);
        if (here.ticket().claimedBy() != 0) {
            tickets.setHolder(here.ticket().id(), 0);
        }
        StringBuilder pings = new StringBuilder();
        to.staffRoles().forEach(role -> pings.append(" <@&").append(role).append('>'));
        ctx.reply().send("Moved to **" + to.name() + "**." + pings);
    }

    private static void moveChannel(Guild guild, TextChannel channel, Category from, Category to) {
        var manager = channel.getManager();
        net.dv8tion.jda.api.entities.channel.concrete.Category parent = to.discordCategoryId() == 0 ? null
                : guild.getCategoryById(to.discordCategoryId());
        if (parent != null && parent.getChannels().size() >= TicketChannels.CATEGORY_CAPACITY) {
            parent = to.fallbackCategoryId() == 0 ? null : guild.getCategoryById(to.fallbackCategoryId());
        }
        if (parent != null) {
            manager = manager.setParent(parent);
        }
        IPermissionContainer container = channel;
        for (long role : from.staffRoles()) {
            if (!to.staffRoles().contains(role)) {
                container.upsertPermissionOverride(guild.getRoleById(role)).clear(TicketChannels.MEMBER)
                        .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            }
        }
        for (long role : to.staffRoles()) {
            container.upsertPermissionOverride(guild.getRoleById(role)).grant(TicketChannels.MEMBER)
                    .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        }
        manager.timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
    }

    private static void setName(GuildMessageChannel channel, String name) {
        try {
            var manager = channel instanceof TextChannel text ? text.getManager()
                    : ((net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel) channel).getManager();
            manager.setName(name).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        } catch (ErrorResponseException e) {
            throw new Refusal("Discord refused the new name: " + e.getMeaning());
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException) {
                    // the request waited on Discord's rename rate limit
                    throw new Refusal("Discord allows two renames of a channel in ten minutes; try again later.");
                }
            }
            throw e;
        }
    }
}
