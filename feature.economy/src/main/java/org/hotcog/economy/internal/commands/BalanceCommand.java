package org.hotcog.economy.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /balance [member]}: a member's coins and their place on the leaderboard. */
@Component
public final class BalanceCommand implements SlashCommand {
    private final Ledger ledger;
    private final SettingsStore settings;

    @Activate
    public BalanceCommand(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("balance", "Shows how many coins you or another member have")
                .addOption(OptionType.USER, Wallets.MEMBER, "The member (you if left out)", false)
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member member = Wallets.member(ctx, true);
        EconomySettings s = settings.get(ctx.guild().getIdLong());
        long scope = s.scope(ctx.guild().getIdLong());
        long balance = ledger.balance(scope, member.getIdLong());
        boolean self = member.getIdLong() == ctx.user().getIdLong();
        String rank = ledger.rank(scope, member.getIdLong())
                .map(place -> " (#" + place + " of " + ledger.holders(scope) + ")").orElse("");
        ctx.reply().send((self ? "You have " : "**" + Wallets.name(member) + "** has ") + s.format(balance) + rank
                + ".");
    }
}
