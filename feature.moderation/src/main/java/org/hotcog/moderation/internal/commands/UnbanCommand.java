package org.hotcog.moderation.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /unban user [reason]}: lifts a ban. */
@Component
public final class UnbanCommand implements SlashCommand {
    private final ModerationChecks checks;
    private final Sanctions sanctions;

    @Activate
    public UnbanCommand(@Reference ModerationChecks checks, @Reference Sanctions sanctions) {
        this.checks = checks;
        this.sanctions = sanctions;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("unban", "Lifts a user's ban")
                .addOptions(new OptionData(OptionType.USER, Options.USER, "The banned user (their user id)", true),
                        Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        User target = ctx.event().getOption(Options.USER, OptionMapping::getAsUser);
        Moderate.act(ctx, checks, sanctions, CaseAction.UNBAN, target, null, () -> null, 0);
    }
}
