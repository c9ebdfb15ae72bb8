package org.hotcog.moderation.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.actions.Sanction;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.warnings.Warning;
import org.hotcog.moderation.internal.warnings.WarningStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /unwarn case [reason]}: clears one warning, named by its case number; its points stop counting. */
@Component
public final class UnwarnCommand implements SlashCommand {
    static final String CASE = "case";

    private final ModerationChecks checks;
    private final Sanctions sanctions;
    private final WarningStore warnings;

    @Activate
    public UnwarnCommand(@Reference ModerationChecks checks, @Reference Sanctions sanctions,
            @Reference WarningStore warnings) {
        this.checks = checks;
        this.sanctions = sanctions;
        this.warnings = warnings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("unwarn", "Clears a warning; its points stop counting")
                .addOptions(new OptionData(OptionType.INTEGER, CASE, "The warning's case number (see /warnings)", true)
                        .setMinValue(1), Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ModerationSettings settings = checks.requireModerator(ctx, CaseAction.UNWARN);
        String reason = Options.reason(ctx);
        checks.requireReason(settings, reason);
        int number = ctx.event().getOption(CASE, OptionMapping::getAsInt);
        Warning warning = warnings.find(ctx.guild().getIdLong(), number)
                .orElseThrow(() -> new Refusal("Case #" + number + " is not a warning of this server."));
        if (warning.revokedBy() != 0) {
            throw new Refusal("The warning of case #" + number + " was cleared already, by case #"
                    + warning.revokedBy() + ".");
        }
        User target = ctx.event().getJDA().retrieveUserById(warning.warnCase().targetId()).complete();
        Member member = ctx.guild().getMemberById(target.getIdLong());
        checks.requireTarget(ctx, CaseAction.UNWARN, target, member);
        String why = "Clears the warning of case #" + number + (reason == null ? "" : ": " + reason);
        Sanctions.Outcome outcome = sanctions.apply(
                new Sanction(CaseAction.UNWARN, ctx.guild(), target, member, ctx.user(), false, why, null, 0),
                warnings.clear(ctx.guild().getIdLong(), number));
        ctx.reply().send(Replies.done(outcome));
    }
}
