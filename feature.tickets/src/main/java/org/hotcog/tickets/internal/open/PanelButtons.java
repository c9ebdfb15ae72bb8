package org.hotcog.tickets.internal.open;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;

/**
 * A panel's button ({@code tickets:open:<category id>}) or a choice in its menu ({@code tickets:open:menu}, the
 * category's id as the value). Everything needed is in the custom id and the database, so a panel keeps working
 * after a restart or an update of the module.
 */
@Component
@CustomIdPrefix(PanelButtons.PREFIX)
public final class PanelButtons implements ComponentHandler {
    public static final String PREFIX = "tickets:open:";
    public static final String MENU = "menu";

    private final OpenRequests requests;

    @Activate
    public PanelButtons(@Reference OpenRequests requests) {
        this.requests = requests;
    }

    @Override
    public void handle(ComponentContext ctx) {
        String categoryId = ctx.customIdSuffix();
        if (MENU.equals(categoryId)) {
            if (!(ctx.event() instanceof StringSelectInteractionEvent menu) || menu.getValues().isEmpty()) {
                throw new Refusal("Pick a category in the menu.");
            }
            categoryId = menu.getValues().get(0);
        }
        try {
            requests.request(ctx, Long.parseLong(categoryId), "");
        } catch (NumberFormatException e) {
            throw new Refusal("This panel is out of date; ask an admin to post it again.");
        }
    }
}
