package org.hotcog.moderation.internal.actions;

import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.JobKind;
import org.hotcog.api.jobs.JobRetry;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Lifts a temporary ban when it ends, as an automatic case by the bot posted to the modlog. The
 * job is scheduled for the guild, so it runs where the guild's shard is; a ban already lifted by
 * hand (or by an earlier try of this job) is fine and records nothing.
 */
@Component
@JobKind(UnbanJob.KIND)
@JobRetry(attempts = 10, delaySeconds = 60)
public final class UnbanJob implements JobHandler {
    static final String KIND = "unban";
    /** Payload key: the number of the ban's case. */
    static final String CASE = "case";

    private final DiscordGuilds guilds;
    private final Sanctions sanctions;

    @Activate
    public UnbanJob(@Reference DiscordGuilds guilds, @Reference Sanctions sanctions) {
        this.guilds = guilds;
        this.sanctions = sanctions;
    }

    /** The job's key for a user's ban in a guild: one temporary ban per user and guild. */
    static String key(long guildId, long userId) {
        return guildId + ":" + userId;
    }

    @Override
    public void run(Job job) {
        String[] ids = job.key().split(":");
        long guildId = Long.parseLong(ids[0]);
        // Thrown, so that the job is tried again: the shard may still be connecting.
        Guild guild = guilds.find(guildId)
                .orElseThrow(() -> new IllegalStateException("guild " + guildId + " is not in the cache"));
        User target = guild.getJDA().retrieveUserById(Long.parseLong(ids[1])).complete();
        if (!banned(guild, target)) {
            return;
        }
        String reason = "Temporary ban ended (case #" + job.data().get(CASE) + ")";
        // A refusal (the bot lost Ban Members, say) is thrown: the job is tried again later.
        sanctions.apply(new Sanction(CaseAction.UNBAN, guild, target, null, guild.getSelfMember().getUser(), true,
                reason, null, 0));
    }

    private static boolean banned(Guild guild, User target) {
        try {
            guild.retrieveBan(target).complete();
            return true;
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.UNKNOWN_BAN) {
                return false;
            }
            throw e;
        }
    }
}
