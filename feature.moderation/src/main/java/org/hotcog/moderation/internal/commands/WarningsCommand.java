package org.hotcog.moderation.internal.commands;

import java.time.Instant;
import java.util.List;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.warnings.Warning;
import org.hotcog.moderation.internal.warnings.WarningStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.TimeFormat;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * {@code /warnings [member]}: a member's warnings and active points, seen only by the one who asks.
 * Anyone may see their own; moderators anyone's.
 */
@Component
public final class WarningsCommand implements SlashCommand {
    /** The newest warnings listed in the embed; the total counts them all. */
    private static final int SHOWN = 15;

    private final ModerationChecks checks;
    private final WarningStore warnings;

    @Activate
    public WarningsCommand(@Reference ModerationChecks checks, @Reference WarningStore warnings) {
        this.checks = checks;
        this.warnings = warnings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("warnings", "Shows warnings and active points: your own, or (moderators) a member's")
                .addOption(OptionType.USER, Options.MEMBER, "Whose warnings (moderators only; yours without it)", false)
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        User asked = ctx.event().getOption(Options.MEMBER, OptionMapping::getAsUser);
        User whose = asked == null ? ctx.user() : asked;
        if (whose.getIdLong() != ctx.user().getIdLong() && !checks.isAnyModerator(ctx.member())) {
            throw new Refusal("You may see your own warnings only: use /warnings without a member.");
        }
        Instant now = Instant.now();
        List<Warning> all = warnings.of(ctx.guild().getIdLong(), whose.getIdLong());
        int active = all.stream().filter(w -> w.activeAt(now)).mapToInt(Warning::points).sum();
        EmbedBuilder embed = new EmbedBuilder().setTitle("Warnings of " + CaseEmbeds.name(whose.getName()))
                .setColor(CaseAction.WARN.color())
                .setDescription("Active points: **" + active + "** from " + all.stream().filter(w -> w.activeAt(now))
                        .count() + " of " + all.size() + " warnings.");
        for (Warning warning : all.subList(0, Math.min(SHOWN, all.size()))) {
            embed.addField("Case #" + warning.warnCase().number() + " · " + warning.points() + " point"
                    + (warning.points() == 1 ? "" : "s") + " · " + state(warning, now),
                    (warning.warnCase().reason() == null ? "No reason given" : warning.warnCase().reason()) + "\n"
                            + TimeFormat.DATE_TIME_SHORT.format(warning.warnCase().createdAt()) + " by "
                            + CaseEmbeds.name(warning.warnCase().moderatorName()), false);
        }
        if (all.size() > SHOWN) {
            embed.setFooter((all.size() - SHOWN) + " older warnings not shown");
        }
        ctx.reply().sendEphemeral(new MessageCreateBuilder().addEmbeds(embed.build()).build());
    }

    private static String state(Warning warning, Instant now) {
        if (warning.revokedBy() != 0) {
            return "cleared by case #" + warning.revokedBy();
        }
        if (!warning.activeAt(now)) {
            return "expired";
        }
        return warning.expiresAt() == null ? "active" : "active, expires " + TimeFormat.RELATIVE.format(warning.expiresAt());
    }
}
