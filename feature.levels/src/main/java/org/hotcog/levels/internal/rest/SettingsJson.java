package org.hotcog.levels.internal.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hotcog.levels.internal.settings.InvalidSettingException;
import org.hotcog.levels.internal.settings.LevelSettings;

/**
 * The level settings as the API reads and writes them. In a {@code PUT}, a field left out (or
 * null) keeps its value; {@code rewards}, when given, replaces every reward role.
 *
 * @param announceChannelId where level-ups are announced, "0" for the channel of the message
 * @param replaceRewards whether a new reward role takes the previous ones away
 */
public record SettingsJson(String announceChannelId, Long cooldownSeconds, Integer coinsPerXp, Integer maxCoinXp,
        Boolean replaceRewards, List<RewardJson> rewards) {
    /** A reward role; the role's id is a string, as Discord writes ids. */
    public record RewardJson(Integer level, String roleId) {
    }

    static SettingsJson of(LevelSettings s) {
        return new SettingsJson(Long.toString(s.announceChannelId()), s.cooldown().getSeconds(), s.coinsPerXp(),
                s.maxCoinXp(), s.replaceRewards(), s.rewards().stream()
                        .map(r -> new RewardJson(r.level(), Long.toString(r.roleId()))).toList());
    }

    /** These settings over {@code s}: what this leaves out stays as it is. */
    LevelSettings over(LevelSettings s) {
        LevelSettings changed = s.withCooldown(cooldownSeconds == null ? s.cooldown()
                : Duration.ofSeconds(cooldownSeconds))
                .withCoinXp(or(coinsPerXp, s.coinsPerXp()), or(maxCoinXp, s.maxCoinXp()))
                .withReplaceRewards(or(replaceRewards, s.replaceRewards()));
        if (announceChannelId != null) {
            changed = changed.withAnnounceChannel(id("announceChannelId", announceChannelId, "a channel's id or 0"));
        }
        if (rewards != null) {
            List<LevelSettings.Reward> parsed = new ArrayList<>();
            for (RewardJson reward : rewards) {
                if (reward == null || reward.level() == null || reward.roleId() == null) {
                    throw new InvalidSettingException("rewards", "each reward needs a level and a roleId");
                }
                parsed.add(new LevelSettings.Reward(reward.level(), id("rewards", reward.roleId(), "a role's id")));
            }
            changed = changed.withRewards(parsed);
        }
        return changed.validate();
    }

    private static long id(String field, String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative one
        }
        throw new InvalidSettingException(field, "must be " + what);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
