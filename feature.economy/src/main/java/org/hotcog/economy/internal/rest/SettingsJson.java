package org.hotcog.economy.internal.rest;

import java.time.Duration;

import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.InvalidSettingException;

/**
 * The economy settings as the API reads and writes them. In a {@code PUT}, a field left out (or
 * null) keeps its value. Amounts are whole numbers of coins.
 *
 * @param houseEdgeBasisPoints what games keep on average, in hundredths of a percent (200 = 2 %)
 * @param wallets {@code server} (the guild's own) or {@code global} (shared with other guilds)
 */
public record SettingsJson(String currencyName, String currencySymbol, Long dailyAmount, Long dailyCooldownSeconds,
        Long streakBonus, Integer streakDays, Long maxTransfer, Long minBet, Long maxBet, Integer houseEdgeBasisPoints,
        String wallets) {
    static final String SERVER = "server";
    static final String GLOBAL = "global";

    static SettingsJson of(EconomySettings s) {
        return new SettingsJson(s.currencyName(), s.currencySymbol(), s.dailyAmount(), s.dailyCooldown().getSeconds(),
                s.streakBonus(), s.streakDays(), s.maxTransfer(), s.minBet(), s.maxBet(), s.houseEdgeBasisPoints(),
                s.globalWallets() ? GLOBAL : SERVER);
    }

    /** These settings over {@code s}: what this leaves out stays as it is. */
    EconomySettings over(EconomySettings s) {
        EconomySettings changed = s.withCurrency(or(currencyName, s.currencyName()),
                or(currencySymbol, s.currencySymbol()))
                .withDaily(or(dailyAmount, s.dailyAmount()),
                        dailyCooldownSeconds == null ? s.dailyCooldown() : Duration.ofSeconds(dailyCooldownSeconds))
                .withStreak(or(streakBonus, s.streakBonus()), or(streakDays, s.streakDays()))
                .withMaxTransfer(or(maxTransfer, s.maxTransfer()))
                .withBets(or(minBet, s.minBet()), or(maxBet, s.maxBet()), or(houseEdgeBasisPoints, s.houseEdgeBasisPoints()));
        if (wallets != null) {
            if (!SERVER.equals(wallets) && !GLOBAL.equals(wallets)) {
                throw new InvalidSettingException("wallets", "must be server or global");
            }
            changed = changed.withGlobalWallets(GLOBAL.equals(wallets));
        }
        return changed.validate();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
