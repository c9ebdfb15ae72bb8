package org.hotcog.tickets.internal.manage;

import java.util.concurrent.TimeUnit;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.discord.TicketEvents;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/** Who holds a ticket: {@code /claim} and its button, {@code /release}, {@code /transfer}. */
@Component(service = Claims.class)
public final class Claims {
    private final Access access;
    private final TicketStore tickets;
    private final TicketEvents events;

    @Activate
    public Claims(@Reference Access access, @Reference TicketStore tickets, @Reference TicketEvents events) {
        this.access = access;
        this.tickets = tickets;
        this.events = events;
    }

    /** A staff member takes the ticket of this channel; refused if someone holds it. */
    public void claim(InteractionContext ctx, GuildMessageChannel channel) {
        Ticket ticket = access.asStaff(ctx, channel.getIdLong()).ticket();
        if (!tickets.claim(ticket.id(), ctx.user().getIdLong())) {
            Ticket now = tickets.find(ticket.id()).orElse(ticket);
            throw new Refusal(now.claimedBy() == ctx.user().getIdLong() ? "You hold this ticket already."
                    : "<@" + now.claimedBy() + "> holds this ticket. They can /release or /transfer it.");
        }
        ctx.reply().send(ctx.member().getAsMention() + " will handle this ticket.");
        events.claimed(ticket, ctx.user().getIdLong());
    }

    /** The holder (or any staff member, for one who is away) gives the ticket back to the team. */
    public void release(InteractionContext ctx, GuildMessageChannel channel) {
        Ticket ticket = access.asStaff(ctx, channel.getIdLong()).ticket();
        if (ticket.claimedBy() == 0) {
            throw new Refusal("Nobody holds this ticket.");
        }
        tickets.setHolder(ticket.id(), 0);
        ctx.reply().send("<@" + ticket.claimedBy() + "> released this ticket; any of the team can /claim it.");
    }

    /** Hands the ticket to another staff member of its category. */
    public void transfer(InteractionContext ctx, GuildMessageChannel channel, Member to) {
        Access.InTicket here = access.asStaff(ctx, channel.getIdLong());
        if (to == null || to.getUser().isBot() || !Access.isStaff(to, here.category())) {
            throw new Refusal("A ticket goes to a member of the staff of " + here.category().name() + ".");
        }
        if (to.getIdLong() == here.ticket().claimedBy()) {
            throw new Refusal(to.getAsMention() + " holds this ticket already.");
        }
        tickets.setHolder(here.ticket().id(), to.getIdLong());
        channel.sendMessage(to.getAsMention() + ", " + ctx.member().getEffectiveName() + " handed ticket "
                + here.ticket().label() + " to you.").timeout(15, TimeUnit.SECONDS).complete();
        ctx.reply().sendEphemeral("Ticket " + here.ticket().label() + " is now " + to.getEffectiveName() + "'s.");
        events.claimed(here.ticket(), to.getIdLong());
    }
}
