package org.hotcog.levels.internal.commands;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.levels.internal.xp.XpStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/** The level leaderboard's ◀ and ▶ buttons: each shows the page its custom id names, as it is now. */
@Component
@CustomIdPrefix(BoardPage.PREFIX)
public final class BoardButtons implements ComponentHandler {
    private final XpStore store;

    @Activate
    public BoardButtons(@Reference XpStore store) {
        this.store = store;
    }

    @Override
    public void handle(ComponentContext ctx) {
        int page;
        try {
            page = Integer.parseInt(ctx.customIdSuffix());
        } catch (NumberFormatException e) {
            throw new Refusal("This button is broken: use /levels again.");
        }
        BoardPage.Shown shown = BoardPage.show(store, ctx.guild().getIdLong(), page);
        ctx.updateMessage(new MessageEditBuilder().setEmbeds(shown.embed()).setComponents(shown.buttons()).build());
    }
}
