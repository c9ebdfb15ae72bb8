package org.hotcog.tickets.internal.discord;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.ticket.OpenTickets;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;

/** Who may do what with a ticket, and which ticket a command run in a channel is about. */
@Component(service = Access.class)
public final class Access {
    /** A ticket and the category it belongs to now. */
    public record InTicket(Ticket ticket, Category category) {
    }

    private final TicketStore tickets;
    private final CategoryStore categories;
    private final OpenTickets open;

    @Activate
    public Access(@Reference TicketStore tickets, @Reference CategoryStore categories, @Reference OpenTickets open) {
        this.tickets = tickets;
        this.categories = categories;
        this.open = open;
    }

    /**
     * Staff of a category: a member with one of its staff roles, or an administrator of the server (who sees every
     * channel anyway).
     */
    public static boolean isStaff(Member member, Category category) {
        return member.hasPermission(Permission.ADMINISTRATOR)
                || member.getRoles().stream().anyMatch(role -> category.staffRoles().contains(role.getIdLong()));
    }

    /**
     * The open ticket of the channel the interaction came from.
     *
     * @throws Refusal outside an open ticket
     */
    public InTicket here(InteractionContext ctx, long channelId) {
        if (ctx.guild() == null) {
            throw new Refusal("Tickets live in servers; this works in a ticket's channel.");
        }
        Ticket ticket = open.ticketOf(channelId).stream().boxed().findFirst()
                .flatMap(id -> tickets.find(ctx.guild().getIdLong(), id)).filter(Ticket::isOpen)
                .orElseThrow(() -> new Refusal("This works in an open ticket's channel only."));
        Category category = categories.find(ticket.guildId(), ticket.categoryId())
                .orElseThrow(() -> new Refusal("This ticket's category was deleted; an admin can /move it."));
        return new InTicket(ticket, category);
    }

    /**
     * The ticket of this channel, when the member is staff of its category.
     *
     * @throws Refusal outside a ticket, or for anyone but staff
     */
    public InTicket asStaff(InteractionContext ctx, long channelId) {
        InTicket here = here(ctx, channelId);
        if (!isStaff(ctx.member(), here.category())) {
            throw new Refusal("Only the staff of " + here.category().name() + " can do this.");
        }
        return here;
    }

    /**
     * The ticket of this channel, when the member opened it or is staff of its category.
     *
     * @throws Refusal outside a ticket, or for anyone else
     */
    public InTicket asOpenerOrStaff(InteractionContext ctx, long channelId) {
        InTicket here = here(ctx, channelId);
        if (ctx.user().getIdLong() != here.ticket().openerId() && !isStaff(ctx.member(), here.category())) {
            throw new Refusal("Only the ticket's opener and the staff of " + here.category().name() + " can do this.");
        }
        return here;
    }
}
