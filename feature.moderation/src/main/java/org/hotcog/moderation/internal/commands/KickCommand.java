package org.hotcog.moderation.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /kick member [reason]}: removes a member, who may rejoin with an invite. */
@Component
public final class KickCommand implements SlashCommand {
    private final ModerationChecks checks;
    private final Sanctions sanctions;

    @Activate
    public KickCommand(@Reference ModerationChecks checks, @Reference Sanctions sanctions) {
        this.checks = checks;
        this.sanctions = sanctions;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("kick", "Removes a member from the server; they may rejoin with an invite")
                .addOptions(Options.member("The member to kick"), Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member target = Options.member(ctx, Options.MEMBER);
        Moderate.act(ctx, checks, sanctions, CaseAction.KICK, target.getUser(), target, () -> null, 0);
    }
}
