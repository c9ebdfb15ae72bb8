package org.hotcog.economy.internal.settings;

import java.time.Duration;

import org.hotcog.economy.internal.ledger.Coins;

/**
 * A guild's economy settings.
 *
 * @param currencyName the coins' name, plural, as in "500 coins"
 * @param currencySymbol shown before amounts, as in "🪙 500"
 * @param dailyAmount what {@code /daily} gives on the first day of a streak
 * @param dailyCooldown how long between two claims; a claim within twice this continues the streak
 * @param streakBonus added for each day of the streak after the first
 * @param streakDays the streak day after which the bonus grows no more
 * @param maxTransfer the most one payment may move
 * @param minBet the least a game takes
 * @param maxBet the most a game takes
 * @param houseEdgeBasisPoints what games keep on average, in hundredths of a percent (200 = 2 %)
 * @param globalWallets whether the guild uses the wallets shared by every guild that does, instead of its own
 */
public record EconomySettings(String currencyName, String currencySymbol, long dailyAmount, Duration dailyCooldown,
        long streakBonus, int streakDays, long maxTransfer, long minBet, long maxBet, int houseEdgeBasisPoints,
        boolean globalWallets) {
    /** What a guild that changed nothing has. */
    public static final EconomySettings DEFAULTS = new EconomySettings("coins", "🪙", 100, Duration.ofHours(24), 10, 7,
            1_000_000, 10, 10_000, 200, false);
    public static final int MAX_NAME_LENGTH = 32;
    public static final int MAX_STREAK_DAYS = 365;
    /** A quarter of every bet: past that, no game is worth playing. */
    public static final int MAX_HOUSE_EDGE = 2_500;

    /** The wallets this guild's members use: its own, or the global ones (scope 0). */
    public long scope(long guildId) {
        return globalWallets ? 0 : guildId;
    }

    /** An amount as members read it: "🪙 1,500 coins". */
    public String format(long amount) {
        return currencySymbol + " " + Coins.format(amount) + " " + currencyName;
    }

    /**
     * Checks every value.
     *
     * @throws InvalidSettingException naming the first setting that is wrong
     */
    public EconomySettings validate() {
        text("currencyName", "the currency's name", currencyName);
        text("currencySymbol", "the currency's symbol", currencySymbol);
        range("dailyAmount", "the daily amount", dailyAmount, 1, Coins.MAX_AMOUNT, "");
        range("dailyCooldownSeconds", "the daily cooldown", dailyCooldown.getSeconds(), 60, Duration.ofDays(7).getSeconds(),
                " seconds");
        range("streakBonus", "the streak bonus", streakBonus, 0, Coins.MAX_AMOUNT, "");
        range("streakDays", "the streak's days", streakDays, 1, MAX_STREAK_DAYS, "");
        range("maxTransfer", "the transfer limit", maxTransfer, 1, Coins.MAX_AMOUNT, "");
        range("minBet", "the smallest bet", minBet, 1, Coins.MAX_AMOUNT, "");
        range("maxBet", "the largest bet", maxBet, minBet, Coins.MAX_AMOUNT, "");
        range("houseEdgeBasisPoints", "the house edge", houseEdgeBasisPoints, 0, MAX_HOUSE_EDGE,
                " hundredths of a percent");
        return this;
    }

    private static void text(String field, String label, String value) {
        if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            throw new InvalidSettingException(field, label + " must have 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

    private static void range(String field, String label, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new InvalidSettingException(field, label + " must be from " + Coins.format(min) + " to "
                    + Coins.format(max) + unit);
        }
    }

    public EconomySettings withCurrency(String name, String symbol) {
        return new EconomySettings(name, symbol, dailyAmount, dailyCooldown, streakBonus, streakDays, maxTransfer,
                minBet, maxBet, houseEdgeBasisPoints, globalWallets);
    }

    public EconomySettings withDaily(long amount, Duration cooldown) {
        return new EconomySettings(currencyName, currencySymbol, amount, cooldown, streakBonus, streakDays,
                maxTransfer, minBet, maxBet, houseEdgeBasisPoints, globalWallets);
    }

    public EconomySettings withStreak(long bonus, int days) {
        return new EconomySettings(currencyName, currencySymbol, dailyAmount, dailyCooldown, bonus, days, maxTransfer,
                minBet, maxBet, houseEdgeBasisPoints, globalWallets);
    }

    public EconomySettings withMaxTransfer(long max) {
        return new EconomySettings(currencyName, currencySymbol, dailyAmount, dailyCooldown, streakBonus, streakDays,
                max, minBet, maxBet, houseEdgeBasisPoints, globalWallets);
    }

    public EconomySettings withBets(long min, long max, int houseEdge) {
        return new EconomySettings(currencyName, currencySymbol, dailyAmount, dailyCooldown, streakBonus, streakDays,
                maxTransfer, min, max, houseEdge, globalWallets);
    }

    public EconomySettings withGlobalWallets(boolean global) {
        return new EconomySettings(currencyName, currencySymbol, dailyAmount, dailyCooldown, streakBonus, streakDays,
                maxTransfer, minBet, maxBet, houseEdgeBasisPoints, global);
    }
}
