package org.hotcog.moderation.internal.escalation;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.actions.Sanction;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.hotcog.moderation.internal.settings.Threshold;
import org.hotcog.moderation.internal.time.Durations;
import org.hotcog.moderation.internal.warnings.WarningStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;

/**
 * Gives warnings, by a moderator or the automod, and acts when a warning takes a member's active
 * points to or past one of the guild's thresholds. When one warning crosses several thresholds,
 * the highest one applies. The action is a case of its own, by the bot, whose reason names the
 * threshold.
 */
@Component(service = Escalation.class)
public final class Escalation {
    /**
     * A warning given.
     *
     * @param activePoints the member's active points after it
     * @param escalation a sentence about the escalation it triggered, if any
     */
    public record Warned(Sanctions.Outcome outcome, int activePoints, Optional<String> escalation) {
    }

    private final SettingsStore settings;
    private final Sanctions sanctions;
    private final ModerationChecks checks;
    private final WarningStore warnings;

    @Activate
    public Escalation(@Reference SettingsStore settings, @Reference Sanctions sanctions,
            @Reference ModerationChecks checks, @Reference WarningStore warnings) {
        this.settings = settings;
        this.sanctions = sanctions;
        this.checks = checks;
        this.warnings = warnings;
    }

    /**
     * Records a warning of {@code points} as a case, with its expiry from the guild's settings, and
     * applies the threshold it crosses.
     *
     * @param moderator who warns: a moderator, or the bot for the automod
     * @param detail the case's detail, null for none
     */
    public Warned warn(Member target, User moderator, boolean automatic, String reason, int points, String detail) {
        long guildId = target.getGuild().getIdLong();
        ModerationSettings guildSettings = settings.get(guildId);
        Instant now = Instant.now();
        Instant expires = guildSettings.warningExpiry().isZero() ? null : now.plus(guildSettings.warningExpiry());
        int before = warnings.activePoints(guildId, target.getIdLong(), now);
        Sanctions.Outcome outcome = sanctions.apply(new Sanction(CaseAction.WARN, target.getGuild(), target.getUser(),
                target, moderator, automatic, reason, null, 0, detail),
                warnings.give(guildId, target.getIdLong(), points, expires));
        int after = warnings.activePoints(guildId, target.getIdLong(), Instant.now());
        return new Warned(outcome, after, afterWarning(target, before, after));
    }

    /**
     * Applies the highest threshold in {@code (before, after]}.
     *
     * @return a sentence for the moderator about what happened, empty when no threshold was crossed
     */
    private Optional<String> afterWarning(Member target, int before, int after) {
        Optional<Threshold> crossed = settings.get(target.getGuild().getIdLong()).thresholds().stream()
                .filter(t -> t.points() > before && t.points() <= after)
                .max(Comparator.comparingInt(Threshold::points));
        if (crossed.isEmpty()) {
            return Optional.empty();
        }
        Threshold threshold = crossed.get();
        String step = threshold.action().wireName()
                + (threshold.duration() == null ? "" : " " + Durations.format(threshold.duration()));
        String reason = "Reached " + after + " warning points (threshold " + threshold.points() + ": " + step + ")";
        try {
            checks.requireBotCanTarget(threshold.action(), target);
            ModCase automatic = sanctions.apply(new Sanction(threshold.action(), target.getGuild(), target.getUser(),
                    target, target.getGuild().getSelfMember().getUser(), true, reason, threshold.duration(), 0))
                    .recorded();
            return Optional.of("Escalation: " + CaseEmbeds.name(target.getUser().getName()) + " reached "
                    + threshold.points() + " points and was " + threshold.action().pastTense()
                    + (threshold.duration() == null ? "" : " for " + Durations.format(threshold.duration()))
                    + " (case #" + automatic.number() + ").");
        } catch (Refusal refused) {
            return Optional.of("Escalation to " + step + " at " + threshold.points() + " points failed: "
                    + refused.getMessage());
        }
    }
}
