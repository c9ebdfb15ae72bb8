package org.hotcog.levels.internal.commands;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hotcog.levels.internal.xp.Curve;
import org.hotcog.levels.internal.xp.XpStore;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * One page of the level leaderboard, as {@code /levels} shows it and its buttons turn it. The page
 * number travels in the buttons' custom ids, so a leaderboard keeps paging after a restart or an
 * update of the module. (The economy's leaderboard pages the same way; the bundles share no code.)
 */
final class BoardPage {
    /** The buttons' custom-id prefix; the page number follows it. */
    static final String PREFIX = "levels:board:";
    static final int SIZE = 10;

    private BoardPage() {
    }

    /** The page's embed and its buttons, for a page number from 1 (past the last: the last). */
    record Shown(MessageEmbed embed, ActionRow buttons) {
    }

    static Shown show(XpStore store, long guildId, int wanted) {
        int ranked = store.ranked(guildId);
        int pages = Math.max(1, (ranked + SIZE - 1) / SIZE);
        int page = Math.min(Math.max(1, wanted), pages);
        List<XpStore.Ranked> top = store.top(guildId, (page - 1) * SIZE, SIZE);
        String lines = top.isEmpty() ? "Nobody has any XP yet: say something!"
                : top.stream().map(r -> "**" + r.rank() + ".** <@" + r.userId() + "> — level "
                        + Curve.levelOf(r.xp()) + " · " + number(r.xp()) + " XP").collect(Collectors.joining("\n"));
        MessageEmbed embed = new EmbedBuilder().setTitle("Levels").setDescription(lines)
                .setFooter("Page " + page + " of " + pages + " · " + ranked + " members with XP").build();
        ActionRow buttons = ActionRow.of(
                Button.secondary(PREFIX + (page - 1), "◀ Previous").withDisabled(page == 1),
                Button.secondary(PREFIX + (page + 1), "Next ▶").withDisabled(page == pages));
        return new Shown(embed, buttons);
    }

    /** A number as members read it: 1,500. */
    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
