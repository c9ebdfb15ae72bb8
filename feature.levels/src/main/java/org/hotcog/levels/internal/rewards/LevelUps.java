package org.hotcog.levels.internal.rewards;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotcog.levels.internal.settings.LevelSettings;
import org.hotcog.levels.internal.settings.SettingsStore;
import org.hotcog.levels.internal.xp.XpStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * What a level-up brings: an announcement that pings only the member, and the reward roles of the
 * levels reached. The store hands out each level-up once, so this runs once per level-up.
 */
@Component(service = LevelUps.class)
public final class LevelUps {
    private static final Logger LOG = LoggerFactory.getLogger(LevelUps.class);

    private final SettingsStore settings;

    @Activate
    public LevelUps(@Reference SettingsStore settings) {
        this.settings = settings;
    }

    /**
     * Announces the level-up and gives its reward roles.
     *
     * @param origin the channel of the message that caused it, or null (then only a configured
     *     announcement channel is used)
     */
    public void levelledUp(Member member, XpStore.Gain gain, GuildMessageChannel origin) {
        Guild guild = member.getGuild();
        LevelSettings s = settings.get(guild.getIdLong());
        announce(member, gain.levelAfter(), channel(guild, s, origin));
        reward(member, s, gain.levelBefore(), gain.levelAfter());
    }

    private static GuildMessageChannel channel(Guild guild, LevelSettings s, GuildMessageChannel origin) {
        if (s.announceChannelId() == 0) {
            return origin;
        }
        GuildMessageChannel configured = guild.getChannelById(GuildMessageChannel.class, s.announceChannelId());
        if (configured == null) {
            LOG.warn("The level-up announcement channel {} of guild {} is gone; announcing where the member wrote, "
                    + "if anywhere", s.announceChannelId(), guild.getId());
            return origin;
        }
        return configured;
    }

    private static void announce(Member member, int level, GuildMessageChannel channel) {
        if (channel == null) {
            return;
        }
        if (!channel.canTalk()) {
            LOG.warn("Cannot announce that {} reached level {} in #{} ({}) of guild {}: the bot may not send messages "
                    + "there", member.getId(), level, channel.getName(), channel.getId(), member.getGuild().getId());
            return;
        }
        // no @everyone, roles or other users, whatever the text: only the member is pinged
        channel.sendMessage(new MessageCreateBuilder()
                .setContent("🎉 " + member.getAsMention() + " reached level **" + level + "**!")
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class)).mentionUsers(member.getIdLong())
                .build()).queue(null, failure -> LOG.warn("Could not announce that {} reached level {} in guild {}: {}",
                        member.getId(), level, member.getGuild().getId(), failure.toString()));
    }

    /**
     * Gives the reward roles of the levels after {@code from} up to {@code to}: all of them, or,
     * when rewards replace each other, the highest one instead of the member's other reward roles.
     */
    private static void reward(Member member, LevelSettings s, int from, int to) {
        List<LevelSettings.Reward> reached = s.rewardsReached(from, to);
        if (reached.isEmpty()) {
            return;
        }
        Guild guild = member.getGuild();
        List<LevelSettings.Reward> given = s.replaceRewards() ? List.of(reached.get(reached.size() - 1)) : reached;
        Set<Long> givenIds = given.stream().map(LevelSettings.Reward::roleId).collect(Collectors.toSet());
        List<Role> add = new ArrayList<>();
        for (LevelSettings.Reward reward : given) {
            Role role = guild.getRoleById(reward.roleId());
            if (role == null) {
                LOG.warn("Cannot give {} the level {} reward role {} in guild {}: the role is gone", member.getId(),
                        reward.level(), reward.roleId(), guild.getId());
            } else if (!member.getRoles().contains(role)) {
                add.add(role);
            }
        }
        Set<Long> rewardIds = s.rewards().stream().map(LevelSettings.Reward::roleId).collect(Collectors.toSet());
        List<Role> remove = s.replaceRewards() ? member.getRoles().stream()
                .filter(r -> rewardIds.contains(r.getIdLong()) && !givenIds.contains(r.getIdLong())).toList()
                : List.of();
        if (add.isEmpty() && remove.isEmpty()) {
            return;
        }
        Member self = guild.getSelfMember();
        if (!self.hasPermission(Permission.MANAGE_ROLES)) {
            LOG.warn("Cannot give {} the reward roles {} for level {} in guild {}: the bot lacks the Manage Roles "
                    + "permission", member.getId(), names(add), to, guild.getId());
            return;
        }
        List<Role> above = new ArrayList<>(add);
        above.addAll(remove);
        above.removeIf(self::canInteract);
        if (!above.isEmpty()) {
            LOG.warn("Cannot give or take the reward roles {} of {} for level {} in guild {}: they are not below the "
                    + "bot's highest role", names(above), member.getId(), to, guild.getId());
            add.removeAll(above);
        }
        List<Role> removable = remove.stream().filter(self::canInteract).toList();
        if (add.isEmpty() && removable.isEmpty()) {
            return;
        }
        guild.modifyMemberRoles(member, add, removable).queue(null, failure -> LOG.warn(
                "Could not change the reward roles of {} for level {} in guild {}: {}", member.getId(), to,
                guild.getId(), failure.toString()));
    }

    private static String names(List<Role> roles) {
        return roles.stream().map(r -> r.getName() + " (" + r.getId() + ")").collect(Collectors.joining(", "));
    }
}
