package org.hotcog.economy.internal.commands;

import java.util.List;
import java.util.stream.Collectors;

import org.hotcog.economy.internal.ledger.Coins;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.settings.EconomySettings;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * One page of the leaderboard, as {@code /leaderboard} shows it and its buttons turn it. The page
 * number travels in the buttons' custom ids, so a leaderboard keeps paging after a restart or an
 * update of the module.
 */
final class LeaderboardPage {
    /** The buttons' custom-id prefix; the page number follows it. */
    static final String PREFIX = "economy:board:";
    static final int SIZE = 10;

    private LeaderboardPage() {
    }

    /** The page's embed and its buttons, for a page number from 1 (past the last: the last). */
    record Shown(MessageEmbed embed, ActionRow buttons) {
    }

    static Shown show(Ledger ledger, EconomySettings settings, long scope, int wanted) {
        int holders = ledger.holders(scope);
        int pages = Math.max(1, (holders + SIZE - 1) / SIZE);
        int page = Math.min(Math.max(1, wanted), pages);
        List<Ledger.Ranked> ranked = ledger.top(scope, (page - 1) * SIZE, SIZE);
        String lines = ranked.isEmpty() ? "Nobody has any " + settings.currencyName() + " yet: try /daily."
                : ranked.stream().map(r -> "**" + r.rank() + ".** <@" + r.userId() + "> — " + settings.currencySymbol()
                        + " " + Coins.format(r.balance())).collect(Collectors.joining("\n"));
        MessageEmbed embed = new EmbedBuilder().setTitle("Richest members").setDescription(lines)
                .setFooter("Page " + page + " of " + pages + " · " + holders + " members with "
                        + settings.currencyName())
                .build();
        ActionRow buttons = ActionRow.of(
                Button.secondary(PREFIX + (page - 1), "◀ Previous").withDisabled(page == 1),
                Button.secondary(PREFIX + (page + 1), "Next ▶").withDisabled(page == pages));
        return new Shown(embed, buttons);
    }
}
