package org.hotcog.moderation.internal.commands;

import java.time.Duration;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /timeout member duration [reason]}: Discord's timeout, up to 28 days; Discord lifts it itself. */
@Component
public final class TimeoutCommand implements SlashCommand {
    private final ModerationChecks checks;
    private final Sanctions sanctions;

    @Activate
    public TimeoutCommand(@Reference ModerationChecks checks, @Reference Sanctions sanctions) {
        this.checks = checks;
        this.sanctions = sanctions;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("timeout", "Stops a member from talking, reacting and joining voice for a while")
                .addOptions(Options.member("The member to time out"),
                        new OptionData(OptionType.STRING, Options.DURATION, "How long, like 10m, 2h or 1d12h (at most 28d)",
                                true).setMaxLength(32),
                        Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member target = Options.member(ctx, Options.MEMBER);
        Moderate.act(ctx, checks, sanctions, CaseAction.TIMEOUT, target.getUser(), target,
                () -> Options.duration(ctx, Duration.ofMinutes(1), ModerationSettings.MAX_TIMEOUT), 0);
    }
}
