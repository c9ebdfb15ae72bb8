package org.hotcog.economy.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
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

/** {@code /leaderboard [page]}: the richest members, ten a page, with buttons to turn the pages. */
@Component
public final class LeaderboardCommand implements SlashCommand {
    static final String PAGE = "page";

    private final Ledger ledger;
    private final SettingsStore settings;

    @Activate
    public LeaderboardCommand(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("leaderboard", "Shows the richest members")
                .addOptions(new OptionData(OptionType.INTEGER, PAGE, "Which page (1 if left out)", false)
                        .setRequiredRange(1, 100_000))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        long guildId = ctx.guild().getIdLong();
        EconomySettings s = settings.get(guildId);
        LeaderboardPage.Shown page = LeaderboardPage.show(ledger, s, s.scope(guildId),
                ctx.event().getOption(PAGE, 1, OptionMapping::getAsInt));
        ctx.reply().send(new MessageCreateBuilder().addEmbeds(page.embed()).addComponents(page.buttons()).build());
    }
}
