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

/** {@code /softban member [delete-messages] [reason]}: a kick that also deletes their recent messages. */
@Component
public final class SoftbanCommand implements SlashCommand {
    private static final int DEFAULT_DELETE_DAYS = 1;

    private final ModerationChecks checks;
    private final Sanctions sanctions;

    @Activate
    public SoftbanCommand(@Reference ModerationChecks checks, @Reference Sanctions sanctions) {
        this.checks = checks;
        this.sanctions = sanctions;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("softban", "Bans and at once unbans a member, deleting their recent messages")
                .addOptions(Options.member("The member to softban"), Options.deleteDays(DEFAULT_DELETE_DAYS),
                        Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member target = Options.member(ctx, Options.MEMBER);
        Moderate.act(ctx, checks, sanctions, CaseAction.SOFTBAN, target.getUser(), target, () -> null,
                Options.deleteDays(ctx, DEFAULT_DELETE_DAYS));
    }
}
