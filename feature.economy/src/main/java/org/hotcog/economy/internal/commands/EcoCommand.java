package org.hotcog.economy.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.ledger.Coins;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.ledger.LedgerKind;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /eco give|take|set|reset}: an admin changes a member's coins. Every change is a ledger
 * row naming the admin and the reason; taking more than a member has is refused, not clamped.
 * Manage Server only.
 */
@Component
public final class EcoCommand implements SlashCommand {
    static final String REASON = "reason";

    private final Ledger ledger;
    private final SettingsStore settings;

    @Activate
    public EcoCommand(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        OptionData member = new OptionData(OptionType.USER, Wallets.MEMBER, "The member", true);
        OptionData reason = new OptionData(OptionType.STRING, REASON, "Why; kept in their ledger", false)
                .setMaxLength(200);
        return Commands.slash("eco", "Changes a member's coins")
                .addSubcommands(new SubcommandData("give", "Gives a member coins")
                                .addOptions(member, Wallets.amountOption("How many", Coins.MAX_AMOUNT), reason),
                        new SubcommandData("take", "Takes coins from a member")
                                .addOptions(member, Wallets.amountOption("How many", Coins.MAX_AMOUNT), reason),
                        new SubcommandData("set", "Sets a member's balance")
                                .addOptions(member, new OptionData(OptionType.INTEGER, Wallets.AMOUNT,
                                        "The new balance", true).setRequiredRange(0, Coins.MAX_BALANCE), reason),
                        new SubcommandData("reset", "Sets a member's balance to zero").addOptions(member, reason))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        Member member = Wallets.member(ctx, false);
        long guildId = ctx.guild().getIdLong();
        EconomySettings s = settings.get(guildId);
        long scope = s.scope(guildId);
        String subcommand = String.valueOf(ctx.event().getSubcommandName());
        long amount = ctx.event().getOption(Wallets.AMOUNT, 0L, OptionMapping::getAsLong);
        String reason = ctx.event().getOption(REASON, OptionMapping::getAsString);
        long admin = ctx.user().getIdLong();
        String who = "**" + Wallets.name(member) + "**";
        try {
            String done = switch (subcommand) {
                case "give" -> "Gave " + who + " " + s.format(amount) + "; they have "
                        + s.format(ledger.change(scope, guildId, member.getIdLong(), amount, LedgerKind.GIVE, admin,
                                reason)) + " now.";
                case "take" -> "Took " + s.format(amount) + " from " + who + "; they have "
                        + s.format(ledger.change(scope, guildId, member.getIdLong(), -amount, LedgerKind.TAKE, admin,
                                reason)) + " now.";
                case "set" -> {
                    ledger.set(scope, guildId, member.getIdLong(), amount, admin, reason);
                    yield who + " has " + s.format(amount) + " now.";
                }
                default -> {
                    ledger.set(scope, guildId, member.getIdLong(), 0, admin, reason);
                    yield who + " has no " + s.currencyName() + " now.";
                }
            };
            ctx.reply().send(done);
        } catch (LedgerRefusal refused) {
            throw Wallets.refusal(refused, s, member, false);
        }
    }
}
