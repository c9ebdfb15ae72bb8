package org.hotcog.economy.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.economy.internal.ledger.Coins;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /pay member amount [note]}: gives coins to another member, up to the server's transfer
 * limit; both sides of the payment are written at once, or neither.
 */
@Component
public final class PayCommand implements SlashCommand {
    static final String NOTE = "note";

    private final Ledger ledger;
    private final SettingsStore settings;

    @Activate
    public PayCommand(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("pay", "Gives some of your coins to another member")
                .addOption(OptionType.USER, Wallets.MEMBER, "Who gets the coins", true)
                .addOptions(Wallets.amountOption("How many", Coins.MAX_AMOUNT),
                        new OptionData(OptionType.STRING, NOTE, "What it is for", false).setMaxLength(200))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member receiver = Wallets.member(ctx, false);
        if (receiver.getIdLong() == ctx.user().getIdLong()) {
            throw new Refusal("You cannot pay yourself.");
        }
        long guildId = ctx.guild().getIdLong();
        EconomySettings s = settings.get(guildId);
        long amount = ctx.event().getOption(Wallets.AMOUNT, OptionMapping::getAsLong);
        if (amount > s.maxTransfer()) {
            throw new Refusal("One payment moves at most " + s.format(s.maxTransfer()) + " in this server.");
        }
        String note = ctx.event().getOption(NOTE, OptionMapping::getAsString);
        try {
            ledger.pay(s.scope(guildId), guildId, ctx.user().getIdLong(), receiver.getIdLong(), amount,
                    note == null || note.isBlank() ? null : note.strip());
        } catch (LedgerRefusal refused) {
            boolean payer = refused.userId() == ctx.user().getIdLong();
            throw Wallets.refusal(refused, s, payer ? ctx.member() : receiver, payer);
        }
        ctx.reply().send("You paid **" + Wallets.name(receiver) + "** " + s.format(amount) + "."
                + (note == null || note.isBlank() ? "" : " For: " + note.strip()));
    }
}
