package org.hotcog.moderation.internal.actions;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.api.jobs.Jobs;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.cases.CaseStore;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.cases.NewCase;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.hotcog.moderation.internal.time.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * Carries out an action in Discord and records it as a case: tells the target by DM first when
 * the guild wants it, acts, then stores, posts and announces the case. If Discord refuses the
 * action, nothing is recorded and the refusal says why.
 *
 * <p>A temporary ban schedules its end as an {@link UnbanJob}, keyed by guild and user: a new ban
 * of the same user replaces it, and a permanent ban, a softban or an unban cancels it.
 */
@Component(service = Sanctions.class)
public final class Sanctions {
    /** What happened to the DM the target is sent before the action. */
    public enum Dm {
        /** The guild does not DM, or the action is not one a target is told about. */
        NOT_SENT,
        SENT,
        /** The target could not be reached (DMs closed, most often): not an error, the action went ahead. */
        UNREACHABLE
    }

    /** The recorded case, and whether the target was told. */
    public record Outcome(ModCase recorded, Dm dm) {
    }

    /** Actions the target is told about beforehand; the others they see for themselves. */
    private static final Set<CaseAction> TOLD = EnumSet.of(CaseAction.KICK, CaseAction.BAN, CaseAction.SOFTBAN,
            CaseAction.TIMEOUT, CaseAction.WARN);
    private static final Logger LOG = LoggerFactory.getLogger(Sanctions.class);
    private static final long DISCORD_TIMEOUT_SECONDS = 10;
    /** Discord's limit for {@code X-Audit-Log-Reason}. */
    private static final int AUDIT_REASON_LENGTH = 512;

    private final CaseRecorder recorder;
    private final SettingsStore settings;
    private final Jobs jobs;

    @Activate
    public Sanctions(@Reference CaseRecorder recorder, @Reference SettingsStore settings, @Reference Jobs jobs) {
        this.recorder = recorder;
        this.settings = settings;
        this.jobs = jobs;
    }

    /** Carries out and records the action. */
    public Outcome apply(Sanction s) {
        return apply(s, (connection, number) -> {
        });
    }

    /**
     * Carries out the action and records it together with {@code alsoInTransaction}.
     *
     * @throws Refusal when Discord refuses the action
     */
    public Outcome apply(Sanction s, CaseStore.WithCase alsoInTransaction) {
        Dm dm = TOLD.contains(s.action()) && s.targetMember() != null
                && settings.get(s.guild().getIdLong()).dmBeforeAction() ? tell(s) : Dm.NOT_SENT;
        try {
            act(s);
        } catch (ErrorResponseException e) {
            throw refusal(s, e);
        } catch (HierarchyException | InsufficientPermissionException e) {
            throw new Refusal("Discord does not let me do this: " + e.getMessage() + ".");
        }
        ModCase recorded = recorder.record(s.guild(), new NewCase(s.guild().getIdLong(), s.action(),
                s.target().getIdLong(), s.target().getName(), s.moderator().getIdLong(), s.moderator().getName(),
                s.automatic(), s.reason(), s.duration(), s.detail()), alsoInTransaction);
        scheduleUnban(s, recorded);
        return new Outcome(recorded, dm);
    }

    /** Arms, replaces or cancels the end of the target's temporary ban, as the recorded action leaves it. */
    private void scheduleUnban(Sanction s, ModCase recorded) {
        String key = UnbanJob.key(s.guild().getIdLong(), s.target().getIdLong());
        if (s.action() == CaseAction.BAN && s.duration() != null) {
            jobs.forGuild(s.guild().getIdLong()).schedule(UnbanJob.KIND, key, Instant.now().plus(s.duration()),
                    Map.of(UnbanJob.CASE, String.valueOf(recorded.number())));
        } else if (s.action() == CaseAction.BAN || s.action() == CaseAction.SOFTBAN || s.action() == CaseAction.UNBAN) {
            jobs.cancel(UnbanJob.KIND, key);
        }
    }

    private void act(Sanction s) {
        Guild guild = s.guild();
        RestAction<Void> action = switch (s.action()) {
            case KICK -> guild.kick(s.targetMember()).reason(auditReason(s));
            case BAN -> guild.ban(s.target(), s.deleteMessageDays(), TimeUnit.DAYS).reason(auditReason(s));
            // A softban is a ban that deletes the messages, lifted at once: the member is out and may rejoin.
            case SOFTBAN -> guild.ban(s.target(), s.deleteMessageDays(), TimeUnit.DAYS).reason(auditReason(s))
                    .flatMap(banned -> guild.unban(s.target()).reason(auditReason(s)));
            case UNBAN -> guild.unban(s.target()).reason(auditReason(s));
            case TIMEOUT -> guild.timeoutFor(s.targetMember(), s.duration()).reason(auditReason(s));
            case UNTIMEOUT -> guild.removeTimeout(s.targetMember()).reason(auditReason(s));
            case WARN, UNWARN, DELETE -> null;
            case PURGE, SLOWMODE, LOCK, UNLOCK -> throw new IllegalArgumentException(
                    s.action() + " acts on a channel, not on a user");
        };
        if (action != null) {
            action.timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        }
    }

    private Dm tell(Sanction s) {
        StringBuilder text = new StringBuilder("You were ").append(s.action().pastTense()).append(" in **")
                .append(CaseEmbeds.name(s.guild().getName())).append("**");
        if (s.duration() != null) {
            text.append(" for ").append(Durations.format(s.duration()));
        }
        text.append('.');
        if (s.reason() != null) {
            text.append("\nReason: ").append(s.reason());
        }
        try {
            s.target().openPrivateChannel().flatMap(channel -> channel.sendMessage(text.toString()))
                    .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            return Dm.SENT;
        } catch (RuntimeException e) {
            if (!(e instanceof ErrorResponseException refused)
                    || refused.getErrorResponse() != ErrorResponse.CANNOT_SEND_TO_USER) {
                LOG.info("Could not tell user {} about a {} in guild {}: {}", s.target().getId(), s.action().wireName(),
                        s.guild().getId(), e.toString());
            }
            return Dm.UNREACHABLE;
        }
    }

    private static Refusal refusal(Sanction s, ErrorResponseException e) {
        String who = CaseEmbeds.name(s.target().getName());
        return switch (e.getErrorResponse()) {
            case UNKNOWN_BAN -> new Refusal(who + " is not banned.");
            case UNKNOWN_MEMBER -> new Refusal(who + " is not in this server any more.");
            case UNKNOWN_USER -> new Refusal("Discord knows no such user.");
            case MISSING_PERMISSIONS -> new Refusal("Discord refused: I lack the permission, or my highest role is "
                    + "not above " + who + "'s.");
            default -> new Refusal("Discord refused to " + s.action().wireName() + " " + who + ": "
                    + e.getMeaning() + ".");
        };
    }

    /** What the server's audit log shows: who acted and why, within Discord's limit. */
    private static String auditReason(Sanction s) {
        String text = s.moderator().getName() + ": " + (s.reason() == null ? "no reason given" : s.reason());
        return text.length() <= AUDIT_REASON_LENGTH ? text : text.substring(0, AUDIT_REASON_LENGTH - 1) + "…";
    }
}
