package org.hotcog.tickets.internal.close;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.tickets.internal.discord.Access;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /close [reason]}: the opener closes at once; staff ask the opener first. */
@Component
public final class CloseCommand implements SlashCommand {
    static final String REASON = "reason";

    private final Access access;
    private final CloseFlow flow;

    @Activate
    public CloseCommand(@Reference Access access, @Reference CloseFlow flow) {
        this.access = access;
        this.flow = flow;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("close", "Closes this ticket (staff ask its opener first)")
                .addOptions(reasonOption())
                .setContexts(InteractionContextType.GUILD);
    }

    static OptionData reasonOption() {
        return new OptionData(OptionType.STRING, REASON, "Why it closes", false).setMaxLength(CloseFlow.MAX_REASON);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        flow.closeOrAsk(ctx, access.here(ctx, ctx.event().getChannel().getIdLong()),
                ctx.event().getChannel().asGuildMessageChannel(),
                CloseFlow.reason(ctx.event().getOption(REASON, OptionMapping::getAsString)));
    }
}
