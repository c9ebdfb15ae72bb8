package org.hotcog.moderation.internal.automod;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotcog.api.gateway.GatewayIntents;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.api.jobs.Jobs;
import org.hotcog.moderation.internal.actions.Sanction;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.events.guild.member.GuildMemberJoinEvent;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * The raid guard: when the guild's raid rule sees its number of joins within its window, it turns
 * on strict mode for the guild's strict duration and tells the modlog. While strict mode is on,
 * every member who joins is timed out until it ends, and so are the members of the burst that set
 * it off; each timeout is a case of the bot. Strict mode is stored, so it holds across restarts and
 * updates, and its end is a durable job ({@link StrictModeEndJob}) that tells the modlog too.
 * Needs the server members intent (privileged: enable it for the bot in Discord's developer portal).
 */
@Component(service = EventListener.class)
@GatewayIntents(GatewayIntent.GUILD_MEMBERS)
public final class RaidGuard extends ListenerAdapter {
    static final String REASON = "Raid guard: joined during a raid";
    private static final Logger LOG = LoggerFactory.getLogger(RaidGuard.class);
    /** Discord's shortest timeout that the bot sets: a member joining in the last seconds of strict mode. */
    private static final Duration SHORTEST = Duration.ofMinutes(1);

    private final AutomodStore store;
    private final AutomodEnforcer enforcer;
    private final Sanctions sanctions;
    private final ModerationChecks checks;
    private final CaseRecorder recorder;
    private final Jobs jobs;
    private final Bursts<Long, Long> joins = new Bursts<>();

    @Activate
    public RaidGuard(@Reference AutomodStore store, @Reference AutomodEnforcer enforcer,
            @Reference Sanctions sanctions, @Reference ModerationChecks checks, @Reference CaseRecorder recorder,
            @Reference Jobs jobs) {
        this.store = store;
        this.enforcer = enforcer;
        this.sanctions = sanctions;
        this.checks = checks;
        this.recorder = recorder;
        this.jobs = jobs;
    }

    @Override
    public void onGuildMemberJoin(GuildMemberJoinEvent event) {
        Guild guild = event.getGuild();
        RuleSetting raid = store.get(guild.getIdLong()).rule(AutomodRule.RAID);
        // bots join only when an admin adds them
        if (!raid.enabled() || event.getUser().isBot()) {
            return;
        }
        Instant now = Instant.now();
        Optional<Instant> strictUntil = store.strictUntil(guild.getIdLong(), now);
        long userId = event.getUser().getIdLong();
        if (strictUntil.isPresent()) {
            enforcer.submit(() -> timeOut(guild, userId, strictUntil.get()));
            return;
        }
        List<Long> burst = joins.record(guild.getIdLong(), userId, now.toEpochMilli(), raid.limit(),
                raid.windowSeconds());
        if (!burst.isEmpty()) {
            joins.forgetOlderThan(now.toEpochMilli() - Duration.ofMinutes(10).toMillis());
            enforcer.submit(() -> startStrictMode(guild, burst, raid, now));
        }
    }

    private void startStrictMode(Guild guild, List<Long> burst, RuleSetting raid, Instant now) {
        Duration strictFor = store.get(guild.getIdLong()).strictFor();
        Instant until = now.plus(strictFor);
        if (!store.startStrictMode(guild.getIdLong(), now, until)) {
            // on already: another burst in the same moment got there first
            burst.forEach(userId -> timeOut(guild, userId, until));
            return;
        }
        jobs.forGuild(guild.getIdLong()).schedule(StrictModeEndJob.KIND, Long.toString(guild.getIdLong()), until);
        LOG.info("Raid guard of guild {}: {} joins within {} s, strict mode until {}", guild.getId(), burst.size(),
                raid.windowSeconds(), until);
        recorder.notice(guild, new EmbedBuilder().setTitle("Raid guard: strict mode on").setColor(0xC0392B)
                .setDescription(burst.size() + " members joined within " + raid.windowSeconds() + " seconds. Until "
                        + TimeFormat.TIME_SHORT.format(until) + " (" + TimeFormat.RELATIVE.format(until)
                        + "), everyone who joins is timed out until then; the " + burst.size()
                        + " who just joined are timed out now.")
                .setTimestamp(now).build());
        burst.forEach(userId -> timeOut(guild, userId, until));
    }

    /** Times a member who joined during a raid out until strict mode ends; one who left already is skipped. */
    private void timeOut(Guild guild, long userId, Instant until) {
        Member member;
        try {
            member = guild.retrieveMemberById(userId).complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_MEMBER) {
                return;
            }
            throw e;
        }
        Duration left = Duration.between(Instant.now(), until);
        // whole minutes, rounded up: the timeout never ends before strict mode does
        Duration length = Duration.ofMinutes(Math.max(SHORTEST.toMinutes(), (left.getSeconds() + 59) / 60));
        if (length.compareTo(ModerationSettings.MAX_TIMEOUT) > 0) {
            length = ModerationSettings.MAX_TIMEOUT;
        }
        try {
            checks.requireBotCanTarget(CaseAction.TIMEOUT, member);
            sanctions.apply(new Sanction(CaseAction.TIMEOUT, guild, member.getUser(), member,
                    guild.getSelfMember().getUser(), true, REASON, length, 0));
        } catch (Refusal refused) {
            LOG.info("Raid guard of guild {}: cannot time out {}: {}", guild.getId(), userId, refused.getMessage());
        }
    }
}
