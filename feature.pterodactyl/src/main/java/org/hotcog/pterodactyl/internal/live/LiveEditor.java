package org.hotcog.pterodactyl.internal.live;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.gateway.DiscordGuilds;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Edits the live status messages that {@link LiveStatus} says are due, once a second, while the bot is connected to
 * Discord. A message or channel that is gone, or that the bot may no longer see, is forgotten rather than retried.
 */
@Component
public final class LiveEditor {
    private static final Logger LOG = LoggerFactory.getLogger(LiveEditor.class);
    /** Discord's answers that mean the message will never be editable again. */
    private static final Set<ErrorResponse> GONE = EnumSet.of(ErrorResponse.UNKNOWN_MESSAGE,
            ErrorResponse.UNKNOWN_CHANNEL, ErrorResponse.MISSING_ACCESS, ErrorResponse.UNKNOWN_GUILD);

    private final DiscordGuilds guilds;
    private final LiveStatus live;
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hotcog-ptero-editor");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public LiveEditor(@Reference DiscordGuilds guilds, @Reference LiveStatus live) {
        this.guilds = guilds;
        this.live = live;
        ticks.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    private void tick() {
        try {
            for (LiveStatus.Due due : live.due(System.currentTimeMillis())) {
                edit(due);
            }
        } catch (RuntimeException e) {
            // one bad round must not end the ticks
            LOG.warn("Live status round failed", e);
        }
    }

    private void edit(LiveStatus.Due due) {
        StatusMessages.Location location = due.message().location();
        Optional<Guild> guild = guilds.find(location.guildId());
        if (guild.isEmpty()) {
            // another process's shard, or still connecting: its turn comes later
            live.edited(due);
            return;
        }
        GuildMessageChannel channel = guild.get().getChannelById(GuildMessageChannel.class, location.channelId());
        if (channel == null) {
            live.forget(due);
            return;
        }
        channel.editMessageById(location.messageId(), LiveMessage.edit(due.watch())).queue(ok -> live.edited(due),
                error -> {
                    if (error instanceof ErrorResponseException response && GONE.contains(response.getErrorResponse())) {
                        live.forget(due);
                    } else {
                        LOG.debug("Live status message {} not edited: {}", location.messageId(), error.toString());
                        live.edited(due);
                    }
                });
    }

    @Deactivate
    void deactivate() {
        ticks.shutdownNow();
    }
}
