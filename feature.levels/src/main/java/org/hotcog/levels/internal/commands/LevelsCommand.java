package org.hotcog.levels.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.levels.internal.xp.XpStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** {@code /levels [page]}: the members with the most XP, ten a page, with buttons to turn the pages. */
@Component
public final class LevelsCommand implements SlashCommand {
    static final String PAGE = "page";

    private final XpStore store;

    @Activate
    public LevelsCommand(@Reference XpStore store) {
        this.store = store;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("levels", "Shows the members with the most XP")
                .addOptions(new OptionData(OptionType.INTEGER, PAGE, "Which page (1 if left out)", false)
                        .setRequiredRange(1, 100_000))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        BoardPage.Shown page = BoardPage.show(store, ctx.guild().getIdLong(),
                ctx.event().getOption(PAGE, 1, OptionMapping::getAsInt));
        ctx.reply().send(new MessageCreateBuilder().addEmbeds(page.embed()).addComponents(page.buttons()).build());
    }
}
