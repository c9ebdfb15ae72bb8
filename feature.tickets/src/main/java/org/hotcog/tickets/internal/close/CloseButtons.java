package org.hotcog.tickets.internal.close;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Close button of a ticket's first message: as {@code /close} without a reason. */
@Component
@CustomIdPrefix(TicketMessages.CLOSE_PREFIX)
public final class CloseButtons implements ComponentHandler {
    private final Access access;
    private final CloseFlow flow;

    @Activate
    public CloseButtons(@Reference Access access, @Reference CloseFlow flow) {
        this.access = access;
        this.flow = flow;
    }

    @Override
    public void handle(ComponentContext ctx) {
        flow.closeOrAsk(ctx, access.here(ctx, ctx.event().getChannel().getIdLong()),
                ctx.event().getChannel().asGuildMessageChannel(), "");
    }
}
