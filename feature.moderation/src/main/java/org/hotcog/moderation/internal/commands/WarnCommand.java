package org.hotcog.moderation.internal.commands;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseStore;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.escalation.Escalation;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /warn member [points] [reason]}: gives warning points, which count until they expire or
 * are cleared; reaching a threshold escalates. The reason autocompletes from preset reasons and the
 * guild's recent ones.
 */
@Component
public final class WarnCommand implements SlashCommand {
    static final String POINTS = "points";
    static final int MAX_POINTS = 100;
    /** Offered to every guild; its own recent reasons come first. */
    static final List<String> PRESET_REASONS = List.of("Spam", "Harassment", "Hate speech", "NSFW content",
            "Advertising", "Off-topic", "Disrespect towards others", "Impersonation", "Ban evasion", "Breaking the rules");
    /** Discord shows at most 25 choices. */
    private static final int MAX_CHOICES = 25;

    private final ModerationChecks checks;
    private final Escalation escalation;
    private final CaseStore cases;

    @Activate
    public WarnCommand(@Reference ModerationChecks checks, @Reference Escalation escalation,
            @Reference CaseStore cases) {
        this.checks = checks;
        this.escalation = escalation;
        this.cases = cases;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("warn", "Warns a member; warning points add up and can trigger automatic actions")
                .addOptions(Options.member("The member to warn"),
                        Options.reason().setAutoComplete(true),
                        new OptionData(OptionType.INTEGER, POINTS, "Warning points (default 1)", false)
                                .setRequiredRange(1, MAX_POINTS))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member target = Options.member(ctx, Options.MEMBER);
        ModerationSettings settings = checks.requireModerator(ctx, CaseAction.WARN);
        String reason = Options.reason(ctx);
        checks.requireReason(settings, reason);
        checks.requireTarget(ctx, CaseAction.WARN, target.getUser(), target);
        int points = ctx.event().getOption(POINTS, 1, OptionMapping::getAsInt);

        Escalation.Warned warned = escalation.warn(target, ctx.user(), false, reason, points, null);
        StringBuilder answer = new StringBuilder(Replies.done(warned.outcome())).append("\nActive warning points: ")
                .append(warned.activePoints()).append(points == 1 ? " (+1)." : " (+" + points + ").");
        warned.escalation().ifPresent(line -> answer.append('\n').append(line));
        ctx.reply().send(answer.toString());
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        if (ctx.guild() == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().strip().toLowerCase(Locale.ROOT);
        Set<String> reasons = new LinkedHashSet<>(cases.recentReasons(ctx.guild().getIdLong(), CaseAction.WARN,
                MAX_CHOICES));
        reasons.addAll(PRESET_REASONS);
        return reasons.stream().filter(r -> r.toLowerCase(Locale.ROOT).contains(typed))
                .filter(r -> r.length() <= 100) // Discord's limit for a choice's name and value
                .limit(MAX_CHOICES).map(r -> new Command.Choice(r, r)).toList();
    }
}
