package org.hotcog.moderation.internal.cases;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.moderation.ModerationTopics;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;

/**
 * Records a case: stores it, posts it to the guild's modlog channel, and announces it on
 * {@link ModerationTopics#CASE_CREATED}. A modlog that cannot be posted to (deleted channel,
 * missing permission) does not undo the case; it is logged and the case stays stored.
 */
@Component(service = CaseRecorder.class)
public final class CaseRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(CaseRecorder.class);
    private static final long DISCORD_TIMEOUT_SECONDS = 10;

    private final CaseStore cases;
    private final SettingsStore settings;
    private final EventAdmin events;

    @Activate
    public CaseRecorder(@Reference CaseStore cases, @Reference SettingsStore settings, @Reference EventAdmin events) {
        this.cases = cases;
        this.settings = settings;
        this.events = events;
    }

    /** Stores the case with {@code alsoInTransaction}, then posts and announces it. */
    public ModCase record(Guild guild, NewCase c, CaseStore.WithCase alsoInTransaction) {
        ModCase stored = cases.create(c, alsoInTransaction);
        stored = postToModlog(guild, stored);
        events.postEvent(new Event(ModerationTopics.CASE_CREATED, properties(stored)));
        return stored;
    }

    /** Changes a case's reason and its modlog post; false when the guild has no such case. */
    public boolean editReason(Guild guild, int number, String reason) {
        if (!cases.updateReason(guild.getIdLong(), number, reason)) {
            return false;
        }
        ModCase edited = cases.find(guild.getIdLong(), number).orElseThrow();
        TextChannel channel = edited.modlogChannelId() == 0 ? null : guild.getTextChannelById(edited.modlogChannelId());
        if (channel != null) {
            try {
                channel.editMessageEmbedsById(edited.modlogMessageId(), CaseEmbeds.of(edited))
                        .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            } catch (RuntimeException e) {
                LOG.warn("Case {} of guild {}: could not edit its modlog post: {}", number, guild.getId(),
                        e.getMessage());
            }
        }
        return true;
    }

    private ModCase postToModlog(Guild guild, ModCase c) {
        long channelId = settings.get(guild.getIdLong()).modlogChannelId();
        TextChannel channel = channelId == 0 ? null : guild.getTextChannelById(channelId);
        if (channel == null) {
            return c;
        }
        if (!guild.getSelfMember().hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS)) {
            LOG.warn("Case {} of guild {}: cannot post to the modlog {} for want of permissions", c.number(),
                    guild.getId(), channel.getId());
            return c;
        }
        try {
            Message posted = channel.sendMessageEmbeds(CaseEmbeds.of(c))
                    .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            cases.setModlogMessage(c.guildId(), c.number(), channel.getIdLong(), posted.getIdLong());
            return c.postedAt(channel.getIdLong(), posted.getIdLong());
        } catch (RuntimeException e) {
            LOG.warn("Case {} of guild {}: the modlog post was refused: {}", c.number(), guild.getId(), e.getMessage());
            return c;
        }
    }

    private static Map<String, Object> properties(ModCase c) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ModerationTopics.GUILD_ID, c.guildId());
        properties.put(ModerationTopics.CASE_NUMBER, c.number());
        properties.put(ModerationTopics.ACTION, c.action().wireName());
        properties.put(ModerationTopics.TARGET_ID, c.targetId());
        properties.put(ModerationTopics.MODERATOR_ID, c.moderatorId());
        properties.put(ModerationTopics.AUTOMATIC, c.automatic());
        if (c.reason() != null) {
            properties.put(ModerationTopics.REASON, c.reason());
        }
        if (c.duration() != null) {
            properties.put(ModerationTopics.DURATION_SECONDS, c.duration().getSeconds());
        }
        return properties;
    }
}
