package org.hotcog.moderation.internal.automod;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.actions.Sanction;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.cases.NewCase;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.escalation.Escalation;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Carries out what the automod decided: removes the messages, then records a case of the bot —
 * a removal, a warning (which escalates like any other) or a timeout. The listeners only decide,
 * on their gateway thread; the Discord calls happen here, on the automod's own thread, so that a
 * slow Discord delays no event. Members the bot cannot time out get the removal only.
 */
@Component(service = AutomodEnforcer.class)
public final class AutomodEnforcer {
    private static final Logger LOG = LoggerFactory.getLogger(AutomodEnforcer.class);
    private static final long DISCORD_TIMEOUT_SECONDS = 10;
    /** Pending enforcements at most; past it (a flood beyond what Discord would let us act on) new ones are dropped. */
    private static final int QUEUE = 1_000;

    private final Sanctions sanctions;
    private final Escalation escalation;
    private final CaseRecorder recorder;
    private final ModerationChecks checks;
    private final ExecutorService worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE), r -> new Thread(r, "hotcog-automod"));

    @Activate
    public AutomodEnforcer(@Reference Sanctions sanctions, @Reference Escalation escalation,
            @Reference CaseRecorder recorder, @Reference ModerationChecks checks) {
        this.sanctions = sanctions;
        this.escalation = escalation;
        this.recorder = recorder;
        this.checks = checks;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdown();
        // What was decided is carried out before the module goes, as far as a few seconds allow.
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            worker.shutdownNow();
        }
    }

    /** Runs {@code work} on the automod's thread; logs and drops it when the queue is full. */
    void submit(Runnable work) {
        try {
            worker.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Automod action failed: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warn("Automod is behind by {} actions; one was dropped", QUEUE);
        }
    }

    /**
     * Whether the automod leaves the member alone: bots, the owner, administrators, members who may
     * manage messages, and moderators. Asked here rather than by the listener, since moderator roles
     * are read from the database.
     */
    private boolean exempt(Member member) {
        return member == null || member.getUser().isBot() || member.isOwner()
                || member.hasPermission(Permission.ADMINISTRATOR, Permission.MESSAGE_MANAGE)
                || checks.isAnyModerator(member);
    }

    /**
     * Removes the messages and records the rule's action, unless the author is exempt.
     *
     * @param messages the message that broke the rule, or the burst of a spammer, by channel
     */
    void enforce(Member author, Map<GuildMessageChannel, List<Long>> messages, MessageRules.Violation violation,
            AutomodSettings settings) {
        if (exempt(author)) {
            return;
        }
        messages.forEach(AutomodEnforcer::remove);
        Guild guild = author.getGuild();
        String where = messages.keySet().stream().map(c -> "#" + c.getName()).collect(Collectors.joining(", "));
        String detail = violation.detail() + " in " + where;
        String reason = "Automod: " + violation.rule().wireName();
        User bot = guild.getSelfMember().getUser();
        switch (settings.rule(violation.rule()).action()) {
            case WARN -> escalation.warn(author, bot, true, reason, 1, truncate(detail));
            case TIMEOUT -> {
                try {
                    checks.requireBotCanTarget(CaseAction.TIMEOUT, author);
                    sanctions.apply(new Sanction(CaseAction.TIMEOUT, guild, author.getUser(), author, bot, true, reason,
                            settings.timeout(), 0, truncate(detail)));
                } catch (Refusal refused) {
                    LOG.info("Automod in guild {}: no timeout for {}: {}", guild.getId(), author.getId(),
                            refused.getMessage());
                    recordRemoval(author, reason, detail + "; no timeout: " + refused.getMessage());
                }
            }
            case DELETE -> recordRemoval(author, reason, detail);
        }
    }

    private void recordRemoval(Member author, String reason, String detail) {
        Guild guild = author.getGuild();
        User bot = guild.getSelfMember().getUser();
        recorder.record(guild, new NewCase(guild.getIdLong(), CaseAction.DELETE, author.getIdLong(),
                author.getUser().getName(), bot.getIdLong(), bot.getName(), true, reason, null, truncate(detail)),
                (connection, number) -> {
                });
    }

    private static void remove(GuildMessageChannel channel, List<Long> ids) {
        // a single message cannot be bulk-deleted
        try {
            if (ids.size() == 1) {
                channel.deleteMessageById(ids.get(0)).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            } else {
                channel.deleteMessagesByIds(ids.stream().map(String::valueOf).toList())
                        .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            }
        } catch (ErrorResponseException e) {
            // removed by someone else meanwhile: what the automod wanted
            if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
                throw e;
            }
        }
    }

    private static String truncate(String detail) {
        return detail.length() <= 256 ? detail : detail.substring(0, 255) + "…";
    }
}
