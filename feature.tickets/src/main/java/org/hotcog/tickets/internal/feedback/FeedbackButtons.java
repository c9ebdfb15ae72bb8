package org.hotcog.tickets.internal.feedback;

import java.util.ArrayList;
import java.util.List;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The rating buttons (1 to 5 stars) sent to the opener with a closed ticket's transcript. A click opens a short form
 * for an optional comment; the rating is stored when it is submitted ({@link FeedbackForm}).
 */
@Component
@CustomIdPrefix(FeedbackButtons.PREFIX)
public final class FeedbackButtons implements ComponentHandler {
    /** {@code <ticket id>:<stars>} follows. */
    static final String PREFIX = "tickets:rate:";
    static final int MAX_COMMENT = 1000;

    private final TicketStore tickets;
    private final FeedbackStore feedback;

    @Activate
    public FeedbackButtons(@Reference TicketStore tickets, @Reference FeedbackStore feedback) {
        this.tickets = tickets;
        this.feedback = feedback;
    }

    /** The row of five buttons for a closed ticket. */
    public static ActionRow row(Ticket ticket) {
        List<Button> buttons = new ArrayList<>();
        for (int stars = 1; stars <= 5; stars++) {
            buttons.add(Button.secondary(PREFIX + ticket.id() + ":" + stars, "⭐".repeat(stars)));
        }
        return ActionRow.of(buttons);
    }

    @Override
    public void handle(ComponentContext ctx) {
        String[] parts = ctx.customIdSuffix().split(":");
        long ticketId = Long.parseLong(parts[0]);
        int stars = Integer.parseInt(parts[1]);
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new Refusal("This ticket no longer exists."));
        if (ticket.openerId() != ctx.user().getIdLong()) {
            throw new Refusal("Only the ticket's opener can rate it.");
        }
        if (feedback.rated(ticketId)) {
            throw new Refusal("You rated this ticket already. Thank you!");
        }
        ctx.reply().showModal(Modal.create(FeedbackForm.PREFIX + ticketId + ":" + stars,
                "Rate ticket " + ticket.label() + ": " + stars + " of 5")
                .addComponents(Label.of("Anything to add? (optional)", TextInput.create(FeedbackForm.COMMENT,
                        TextInputStyle.PARAGRAPH).setRequired(false).setMaxLength(MAX_COMMENT).build()))
                .build());
    }
}
