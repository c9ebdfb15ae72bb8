package org.hotcog.moderation.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /untimeout member [reason]}: ends a timeout early. */
@Component
public final class UntimeoutCommand implements SlashCommand {
    private final ModerationChecks checks;
    private final Sanctions sanctions;

    @Activate
    public UntimeoutCommand(@Reference ModerationChecks checks, @Reference Sanctions sanctions) {
        this.checks = checks;
        this.sanctions = sanctions;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("untimeout", "Ends a member's timeout now")
                .addOptions(Options.member("The member to release"), Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member target = Options.member(ctx, Options.MEMBER);
        Moderate.act(ctx, checks, sanctions, CaseAction.UNTIMEOUT, target.getUser(), target, () -> {
            if (!target.isTimedOut()) {
                throw new Refusal(CaseEmbeds.name(target.getUser().getName()) + " is not timed out.");
            }
            return null;
        }, 0);
    }
}
