package org.hotcog.moderation.internal.escalation;

import java.util.Comparator;
import java.util.Optional;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.actions.Sanction;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.hotcog.moderation.internal.settings.Threshold;
import org.hotcog.moderation.internal.time.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;

/**
 * Acts when a warning takes a member's active points to or past one of the guild's thresholds. When
 * one warning crosses several thresholds, the highest one applies. The action is a case of its own,
 * by the bot, whose reason names the threshold.
 */
@Component(service = Escalation.class)
public final class Escalation {
    private final SettingsStore settings;
    private final Sanctions sanctions;
    private final ModerationChecks checks;

    @Activate
    public Escalation(@Reference SettingsStore settings, @Reference Sanctions sanctions,
            @Reference ModerationChecks checks) {
        this.settings = settings;
        this.sanctions = sanctions;
        this.checks = checks;
    }

    /**
     * Applies the highest threshold in {@code (before, after]}.
     *
     * @return a sentence for the moderator about what happened, empty when no threshold was crossed
     */
    public Optional<String> afterWarning(Member target, int before, int after) {
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
