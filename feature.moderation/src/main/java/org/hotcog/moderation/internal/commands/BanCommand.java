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
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /ban user [delete-messages] [duration] [reason]}: bans a member or any user by id. The
 * duration of a temporary ban is recorded on its case.
 */
@Component
public final class BanCommand implements SlashCommand {
    private final ModerationChecks checks;
    private final Sanctions sanctions;

    @Activate
    public BanCommand(@Reference ModerationChecks checks, @Reference Sanctions sanctions) {
        this.checks = checks;
        this.sanctions = sanctions;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ban", "Bans a user from the server, a member or not")
                .addOptions(new OptionData(OptionType.USER, Options.USER, "The user to ban (a member, or a user id)",
                        true), Options.deleteDays(0),
                        new OptionData(OptionType.STRING, Options.DURATION,
                                "How long, like 12h or 7d; a permanent ban without it", false).setMaxLength(32),
                        Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        User target = ctx.event().getOption(Options.USER, OptionMapping::getAsUser);
        Member member = ctx.event().getOption(Options.USER, OptionMapping::getAsMember);
        Moderate.act(ctx, checks, sanctions, CaseAction.BAN, target, member,
                () -> Options.duration(ctx, Duration.ofMinutes(1), ModerationSettings.MAX_BAN),
                Options.deleteDays(ctx, 0));
    }
}
