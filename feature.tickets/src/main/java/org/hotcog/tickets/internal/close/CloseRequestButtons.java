package org.hotcog.tickets.internal.close;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * The opener's answer to a staff member's close request. The request's reason is read back from its message, so the
 * request needs no state of its own and survives restarts and updates.
 */
@Component
@CustomIdPrefix(TicketMessages.CLOSE_REQUEST_PREFIX)
public final class CloseRequestButtons implements ComponentHandler {
    private final Access access;
    private final CloseFlow flow;

    @Activate
    public CloseRequestButtons(@Reference Access access, @Reference CloseFlow flow) {
        this.access = access;
        this.flow = flow;
    }

    @Override
    public void handle(ComponentContext ctx) {
        Ticket ticket = access.here(ctx, ctx.event().getChannel().getIdLong()).ticket();
        if (ctx.user().getIdLong() != ticket.openerId()) {
            throw new Refusal("Only the ticket's opener answers a close request.");
        }
        boolean accepted = ctx.customIdSuffix().endsWith(":yes");
        if (!accepted) {
            ctx.updateMessage(new MessageEditBuilder().setContent(ctx.user().getAsMention()
                    + " keeps the ticket open.").setEmbeds().setComponents().build());
            return;
        }
        String reason = ctx.event().getMessage().getEmbeds().stream().flatMap(e -> e.getFields().stream())
                .filter(field -> "Reason".equals(field.getName())).map(MessageEmbed.Field::getValue).findFirst()
                .orElse("");
        flow.closeNow(ctx, ticket, reason);
    }
}
