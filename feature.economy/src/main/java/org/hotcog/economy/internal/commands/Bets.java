package org.hotcog.economy.internal.commands;

import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.economy.internal.ledger.Coins;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.EconomySettings;

import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** What the games share: the bet option, its limits, and settling the bet in the ledger. */
final class Bets {
    static final String BET = "bet";

    private Bets() {
    }

    static OptionData option() {
        return new OptionData(OptionType.INTEGER, BET, "How many coins you bet", true).setRequiredRange(1,
                Coins.MAX_AMOUNT);
    }

    /** The bet, refused outside the server's limits. */
    static long bet(SlashCommandContext ctx, EconomySettings s) {
        long bet = ctx.event().getOption(BET, OptionMapping::getAsLong);
        if (bet < s.minBet() || bet > s.maxBet()) {
            throw new Refusal("Bets in this server are from " + s.format(s.minBet()) + " to " + s.format(s.maxBet())
                    + ".");
        }
        return bet;
    }

    /**
     * Takes the stake and pays back what the game gave, in one transaction.
     *
     * @return the balance after
     */
    static long settle(Ledger ledger, SlashCommandContext ctx, EconomySettings s, long bet, long returned,
            String game) {
        long guildId = ctx.guild().getIdLong();
        try {
            return ledger.play(s.scope(guildId), guildId, ctx.user().getIdLong(), bet, returned, game);
        } catch (LedgerRefusal refused) {
            throw Wallets.refusal(refused, s, ctx.member(), true);
        }
    }

    /** "You won 🪙 96 coins." / "You lost 🪙 50 coins." and the balance. */
    static String outcome(EconomySettings s, long bet, long returned, long balance) {
        String result = returned > bet ? "You won " + s.format(returned - bet) + "!"
                : returned == bet ? "You got your bet back."
                : "You lost " + s.format(bet - returned) + ".";
        return result + " Balance: " + s.format(balance) + ".";
    }
}
