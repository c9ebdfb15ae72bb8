package org.hotcog.tickets.internal.close;

import java.util.concurrent.TimeUnit;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.discord.Access.InTicket;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;

/**
 * Who closes how: the opener closes at once; staff ask the opener, who accepts with a button (or staff force it);
 * nobody else closes a ticket.
 */
@Component(service = CloseFlow.class)
public final class CloseFlow {
    public static final int MAX_REASON = 500;

    private final TicketCloser closer;

    @Activate
    public CloseFlow(@Reference TicketCloser closer) {
        this.closer = closer;
    }

    /** {@code /close} or the Close button. */
    public void closeOrAsk(InteractionContext ctx, InTicket here, GuildMessageChannel channel, String reason) {
        Ticket ticket = here.ticket();
        if (ctx.user().getIdLong() == ticket.openerId()) {
            closeNow(ctx, ticket, reason);
            return;
        }
        if (!Access.isStaff(ctx.member(), here.category())) {
            throw new Refusal("Only the ticket's opener and the staff of " + here.category().name()
                    + " can close it.");
        }
        channel.sendMessage(TicketMessages.closeRequest(ticket, ctx.member(), reason)).timeout(15, TimeUnit.SECONDS)
                .complete();
        ctx.reply().sendEphemeral("Asked " + "<@" + ticket.openerId() + "> whether the ticket may close. "
                + "Use /forceclose to close it without waiting.");
    }

    /** Closes and tells the member; the answer comes first, since the channel goes with the close. */
    public void closeNow(InteractionContext ctx, Ticket ticket, String reason) {
        ctx.reply().sendEphemeral("Closing ticket " + ticket.label() + "…").join();
        if (!closer.close(ctx.guild(), ticket, ctx.user().getIdLong(), reason)) {
            throw new Refusal("Ticket " + ticket.label() + " is closed already.");
        }
    }

    /** The reason option, checked. */
    public static String reason(String typed) {
        String reason = typed == null ? "" : typed.strip();
        if (reason.length() > MAX_REASON) {
            throw new Refusal("A reason is at most " + MAX_REASON + " characters.");
        }
        return reason;
    }
}
