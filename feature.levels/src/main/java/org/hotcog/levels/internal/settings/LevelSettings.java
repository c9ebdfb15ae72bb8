package org.hotcog.levels.internal.settings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A guild's level settings.
 *
 * @param announceChannelId where level-ups are announced; 0 for the channel of the message that
 *     caused them (level-ups from coins are then not announced)
 * @param cooldown how long after a message that gave XP the member's next messages give none
 * @param coinsPerXp how many coins earned make 1 XP
 * @param maxCoinXp the most XP one coin event gives; 0 turns XP from coins off
 * @param replaceRewards whether a new reward role takes the member's previous reward roles away
 * @param rewards the role given on reaching each level, by level
 */
public record LevelSettings(long announceChannelId, Duration cooldown, int coinsPerXp, int maxCoinXp,
        boolean replaceRewards, List<Reward> rewards) {
    /** The role a member gets on reaching a level. */
    public record Reward(int level, long roleId) {
    }

    /** What a guild that changed nothing has. */
    public static final LevelSettings DEFAULTS = new LevelSettings(0, Duration.ofSeconds(60), 10, 100, false, List.of());
    public static final int MIN_COOLDOWN_SECONDS = 5;
    public static final int MAX_COOLDOWN_SECONDS = 86_400;
    public static final int MAX_COINS_PER_XP = 1_000_000;
    public static final int MAX_COIN_XP = 1_000;
    /** As many as one Discord answer lists comfortably. */
    public static final int MAX_REWARDS = 25;
    public static final int MAX_REWARD_LEVEL = 1_000;

    public LevelSettings {
        rewards = rewards.stream().sorted((a, b) -> Integer.compare(a.level(), b.level())).toList();
    }

    /** XP for {@code coins} earned: one per {@link #coinsPerXp}, at most {@link #maxCoinXp}. */
    public long xpForCoins(long coins) {
        return Math.min(maxCoinXp, coins / coinsPerXp);
    }

    /**
     * Checks every value.
     *
     * @throws InvalidSettingException naming the first setting that is wrong
     */
    public LevelSettings validate() {
        if (announceChannelId < 0) {
            throw new InvalidSettingException("announceChannelId", "must be a channel's id, or 0 for none");
        }
        range("cooldownSeconds", "the cooldown", cooldown.getSeconds(), MIN_COOLDOWN_SECONDS, MAX_COOLDOWN_SECONDS,
                " seconds");
        range("coinsPerXp", "the coins for 1 XP", coinsPerXp, 1, MAX_COINS_PER_XP, "");
        range("maxCoinXp", "the XP from one coin event", maxCoinXp, 0, MAX_COIN_XP, "");
        if (rewards.size() > MAX_REWARDS) {
            throw new InvalidSettingException("rewards", "there can be at most " + MAX_REWARDS + " reward roles");
        }
        Set<Integer> levels = new HashSet<>();
        for (Reward reward : rewards) {
            range("rewards", "a reward's level", reward.level(), 1, MAX_REWARD_LEVEL, "");
            if (reward.roleId() <= 0) {
                throw new InvalidSettingException("rewards", "a reward's role must be a role's id");
            }
            if (!levels.add(reward.level())) {
                throw new InvalidSettingException("rewards", "level " + reward.level() + " has two reward roles");
            }
        }
        return this;
    }

    private static void range(String field, String label, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new InvalidSettingException(field, label + " must be from " + String.format(Locale.ROOT, "%,d", min) + " to "
                    + String.format(Locale.ROOT, "%,d", max) + unit);
        }
    }

    /** The reward roles for the levels after {@code from} up to {@code to}. */
    public List<Reward> rewardsReached(int from, int to) {
        return rewards.stream().filter(r -> r.level() > from && r.level() <= to).toList();
    }

    public LevelSettings withAnnounceChannel(long channelId) {
        return new LevelSettings(channelId, cooldown, coinsPerXp, maxCoinXp, replaceRewards, rewards);
    }

    public LevelSettings withCooldown(Duration value) {
        return new LevelSettings(announceChannelId, value, coinsPerXp, maxCoinXp, replaceRewards, rewards);
    }

    public LevelSettings withCoinXp(int coins, int max) {
        return new LevelSettings(announceChannelId, cooldown, coins, max, replaceRewards, rewards);
    }

    public LevelSettings withReplaceRewards(boolean replace) {
        return new LevelSettings(announceChannelId, cooldown, coinsPerXp, maxCoinXp, replace, rewards);
    }

    public LevelSettings withRewards(List<Reward> value) {
        return new LevelSettings(announceChannelId, cooldown, coinsPerXp, maxCoinXp, replaceRewards, value);
    }

    /** These settings with {@code reward} instead of whatever role the level had. */
    public LevelSettings withReward(Reward reward) {
        List<Reward> changed = new ArrayList<>(withoutReward(reward.level()).rewards());
        changed.add(reward);
        return withRewards(changed);
    }

    public LevelSettings withoutReward(int level) {
        return withRewards(rewards.stream().filter(r -> r.level() != level).toList());
    }
}
