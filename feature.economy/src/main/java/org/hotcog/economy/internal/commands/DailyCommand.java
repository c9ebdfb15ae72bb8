package org.hotcog.economy.internal.commands;

import java.time.Instant;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.TimeFormat;

/**
 * {@code /daily}: the member's daily coins, with a bonus for each day of an unbroken streak. The
 * cooldown is stored with the claim, so it holds across restarts and processes.
 */
@Component
public final class DailyCommand implements SlashCommand {
    private final Ledger ledger;
    private final SettingsStore settings;

    @Activate
    public DailyCommand(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("daily", "Claims your daily coins; claim every day for a streak bonus")
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        long guildId = ctx.guild().getIdLong();
        EconomySettings s = settings.get(guildId);
        Ledger.DailyClaim claim;
        try {
            claim = ledger.claimDaily(s.scope(guildId), guildId, ctx.user().getIdLong(), s, Instant.now());
        } catch (LedgerRefusal refused) {
            throw Wallets.refusal(refused, s, ctx.member(), true);
        }
        StringBuilder answer = new StringBuilder("You claimed ").append(s.format(claim.amount()));
        if (claim.streak() > 1) {
            answer.append(": day ").append(claim.streak()).append(" of your streak");
        }
        answer.append(". Balance: ").append(s.format(claim.balance())).append(". Next claim ")
                .append(TimeFormat.RELATIVE.format(claim.next())).append('.');
        ctx.reply().send(answer.toString());
    }
}
