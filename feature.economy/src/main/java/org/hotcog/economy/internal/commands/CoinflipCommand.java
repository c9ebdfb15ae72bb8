package org.hotcog.economy.internal.commands;

import java.security.SecureRandom;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.games.Odds;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /coinflip side bet}: an even flip of a fair coin that pays twice the bet less the house edge. */
@Component
public final class CoinflipCommand implements SlashCommand {
    static final String SIDE = "side";
    static final String HEADS = "heads";

    private final Ledger ledger;
    private final SettingsStore settings;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public CoinflipCommand(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("coinflip", "Bets on the side a coin falls on")
                .addOptions(new OptionData(OptionType.STRING, SIDE, "Heads or tails", true).addChoice(HEADS, HEADS)
                        .addChoice("tails", "tails"), Bets.option())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        EconomySettings s = settings.get(ctx.guild().getIdLong());
        long bet = Bets.bet(ctx, s);
        boolean heads = HEADS.equals(ctx.event().getOption(SIDE, OptionMapping::getAsString));
        long returned = Odds.flip(random, heads, bet, s.houseEdgeBasisPoints());
        long balance = Bets.settle(ledger, ctx, s, bet, returned, "coinflip");
        boolean won = returned > 0;
        ctx.reply().send("🪙 The coin shows **" + (won == heads ? HEADS : "tails") + "**. "
                + Bets.outcome(s, bet, returned, balance));
    }
}
