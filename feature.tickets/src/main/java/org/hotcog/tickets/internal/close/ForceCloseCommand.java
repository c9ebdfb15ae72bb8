package org.hotcog.tickets.internal.close;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.tickets.internal.discord.Access;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /forceclose [reason]}: staff close a ticket without asking its opener. */
@Component
public final class ForceCloseCommand implements SlashCommand {
    private final Access access;
    private final CloseFlow flow;

    @Activate
    public ForceCloseCommand(@Reference Access access, @Reference CloseFlow flow) {
        this.access = access;
        this.flow = flow;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("forceclose", "Closes this ticket at once, without asking its opener (staff)")
                .addOptions(CloseCommand.reasonOption())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Access.InTicket here = access.asStaff(ctx, ctx.event().getChannel().getIdLong());
        flow.closeNow(ctx, here.ticket(),
                CloseFlow.reason(ctx.event().getOption(CloseCommand.REASON, OptionMapping::getAsString)));
    }
}
