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
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /slots bet}: three reels of a fair random source, paying three of a kind and two cherries. */
@Component
public final class SlotsCommand implements SlashCommand {
    private final Ledger ledger;
    private final SettingsStore settings;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public SlotsCommand(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("slots", "Spins the slot machine").addOptions(Bets.option())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        EconomySettings s = settings.get(ctx.guild().getIdLong());
        long bet = Bets.bet(ctx, s);
        Odds.Spin spin = Odds.spin(random, bet, s.houseEdgeBasisPoints());
        long balance = Bets.settle(ledger, ctx, s, bet, spin.returned(), "slots");
        ctx.reply().send("🎰 **[ " + String.join(" | ", spin.reels()) + " ]** "
                + Bets.outcome(s, bet, spin.returned(), balance));
    }
}
