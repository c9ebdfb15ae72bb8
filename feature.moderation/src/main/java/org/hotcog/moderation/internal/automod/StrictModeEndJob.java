package org.hotcog.moderation.internal.automod;

import java.time.Instant;

import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.JobKind;
import org.hotcog.api.jobs.JobRetry;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;

/**
 * Ends the raid guard's strict mode of a guild (key: the guild's id) when it is due, and tells the
 * modlog. Scheduled for the guild, so it runs where the guild's shard is.
 */
@Component
@JobKind(StrictModeEndJob.KIND)
@JobRetry(attempts = 10, delaySeconds = 60)
public final class StrictModeEndJob implements JobHandler {
    static final String KIND = "strict-mode-end";

    private final AutomodStore store;
    private final DiscordGuilds guilds;
    private final CaseRecorder recorder;

    @Activate
    public StrictModeEndJob(@Reference AutomodStore store, @Reference DiscordGuilds guilds,
            @Reference CaseRecorder recorder) {
        this.store = store;
        this.guilds = guilds;
        this.recorder = recorder;
    }

    @Override
    public void run(Job job) {
        long guildId = Long.parseLong(job.key());
        Instant now = Instant.now();
        if (store.endStrictMode(guildId, now)) {
            guilds.find(guildId).ifPresent(guild -> recorder.notice(guild, new EmbedBuilder()
                    .setTitle("Raid guard: strict mode off").setColor(0x27AE60)
                    .setDescription("Members who join are no longer timed out.").setTimestamp(now).build()));
        }
    }
}
