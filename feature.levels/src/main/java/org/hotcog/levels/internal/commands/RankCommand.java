package org.hotcog.levels.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.levels.internal.xp.Curve;
import org.hotcog.levels.internal.xp.XpStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/** {@code /rank [member]}: a member's level, XP, progress to the next level and place in the server. */
@Component
public final class RankCommand implements SlashCommand {
    static final String MEMBER = "member";

    private final XpStore store;

    @Activate
    public RankCommand(@Reference XpStore store) {
        this.store = store;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("rank", "Shows your or another member's level")
                .addOption(OptionType.USER, MEMBER, "The member (you if left out)", false)
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        OptionMapping option = ctx.event().getOption(MEMBER);
        Member member = option == null ? ctx.member() : option.getAsMember();
        if (member == null) {
            throw new Refusal("That user is not a member of this server.");
        }
        if (member.getUser().isBot()) {
            throw new Refusal("Bots earn no XP.");
        }
        long guildId = ctx.guild().getIdLong();
        long xp = store.xp(guildId, member.getIdLong());
        Curve.Progress progress = Curve.progress(xp);
        String rank = store.rank(guildId, member.getIdLong())
                .map(place -> " (#" + place + " of " + store.ranked(guildId) + ")").orElse("");
        boolean self = member.getIdLong() == ctx.user().getIdLong();
        ctx.reply().send((self ? "You are" : "**" + MarkdownSanitizer.escape(member.getUser().getName()) + "** is")
                + " level " + progress.level() + " with " + BoardPage.number(xp) + " XP" + rank + ": "
                + BoardPage.number(progress.intoLevel()) + "/" + BoardPage.number(progress.toNext()) + " XP to level "
                + (progress.level() + 1) + ".");
    }
}
