package org.hotcog.economy.internal.commands;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/** The leaderboard's ◀ and ▶ buttons: each shows the page its custom id names, as it is now. */
@Component
@CustomIdPrefix(LeaderboardPage.PREFIX)
public final class LeaderboardButtons implements ComponentHandler {
    private final Ledger ledger;
    private final SettingsStore settings;

    @Activate
    public LeaderboardButtons(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @Override
    public void handle(ComponentContext ctx) {
        int page;
        try {
            page = Integer.parseInt(ctx.customIdSuffix());
        } catch (NumberFormatException e) {
            throw new Refusal("This button is broken: use /leaderboard again.");
        }
        long guildId = ctx.guild().getIdLong();
        EconomySettings s = settings.get(guildId);
        LeaderboardPage.Shown shown = LeaderboardPage.show(ledger, s, s.scope(guildId), page);
        ctx.updateMessage(new MessageEditBuilder().setEmbeds(shown.embed()).setComponents(shown.buttons()).build());
    }
}
