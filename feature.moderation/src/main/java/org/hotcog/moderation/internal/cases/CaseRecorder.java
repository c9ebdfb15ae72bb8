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
import net.dv8tion.jda.api.entities.MessageEmbed;
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

    /**
     * Posts a notice that is not a case (the raid guard's strict mode starting and ending) to the
     * guild's modlog, if it has one the bot can post to.
     */
    public void notice(Guild guild, MessageEmbed notice) {
        post(guild, notice, "a notice");
    }

    private ModCase postToModlog(Guild guild, ModCase c) {
        Message posted = post(guild, CaseEmbeds.of(c), "case " + c.number());
        if (posted == null) {
            return c;
        }
        cases.setModlogMessage(c.guildId(), c.number(), posted.getChannel().getIdLong(), posted.getIdLong());
        return c.postedAt(posted.getChannel().getIdLong(), posted.getIdLong());
    }

    /** The modlog message, or null when the guild has no modlog or it cannot be posted to (logged). */
    private Message post(Guild guild, MessageEmbed embed, String what) {
        long channelId = settings.get(guild.getIdLong()).modlogChannelId();
        TextChannel channel = channelId == 0 ? null : guild.getTextChannelById(channelId);
        if (channel == null) {
            return null;
        }
        if (!guild.getSelfMember().hasPermission(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS)) {
            LOG.warn("Guild {}: cannot post {} to the modlog {} for want of permissions", guild.getId(), what,
                    channel.getId());
            return null;
        }
        try {
            return channel.sendMessageEmbeds(embed).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        } catch (RuntimeException e) {
            LOG.warn("Guild {}: the modlog post of {} was refused: {}", guild.getId(), what, e.getMessage());
            return null;
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
