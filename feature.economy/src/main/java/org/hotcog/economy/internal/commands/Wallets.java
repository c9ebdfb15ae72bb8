package org.hotcog.economy.internal.commands;

import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.InvalidSettingException;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;
import net.dv8tion.jda.api.utils.TimeFormat;

/** What the economy commands share: the member and amount options, and how refusals read. */
final class Wallets {
    static final String MEMBER = "member";
    static final String AMOUNT = "amount";

    private Wallets() {
    }

    static OptionData amountOption(String description, long max) {
        return new OptionData(OptionType.INTEGER, AMOUNT, description, true).setRequiredRange(1, max);
    }

    /**
     * The member named by the option, or the user who ran the command when it is optional and left
     * out; refused when they are not in the server or are a bot.
     */
    static Member member(SlashCommandContext ctx, boolean orSelf) {
        OptionMapping option = ctx.event().getOption(MEMBER);
        if (option == null && orSelf) {
            return ctx.member();
        }
        Member member = option == null ? null : option.getAsMember();
        if (member == null) {
            throw new Refusal("That user is not a member of this server.");
        }
        if (member.getUser().isBot()) {
            throw new Refusal("Bots have no wallet.");
        }
        return member;
    }

    /** A user name as text, so that {@code _} or {@code *} in it are not read as markdown. */
    static String name(Member member) {
        return MarkdownSanitizer.escape(member.getUser().getName());
    }

    /** The refusal a member reads when the ledger said no. */
    static Refusal refusal(LedgerRefusal refused, EconomySettings settings, Member who, boolean self) {
        return new Refusal(switch (refused.reason()) {
            case INSUFFICIENT_FUNDS -> (self ? "You have" : "**" + name(who) + "** has") + " only "
                    + settings.format(refused.balance()) + ".";
            case BALANCE_LIMIT -> (self ? "Your wallet" : "The wallet of **" + name(who) + "**")
                    + " cannot hold that many " + settings.currencyName() + ".";
            case TOO_EARLY -> "You claimed your daily " + settings.currencyName() + " already: the next claim is "
                    + TimeFormat.RELATIVE.format(refused.next()) + ".";
        });
    }

    /** The refusal an admin reads for a setting or an item that cannot be: the problem as a sentence. */
    static Refusal refusal(InvalidSettingException invalid) {
        String problem = invalid.problem();
        return new Refusal(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ".");
    }
}
