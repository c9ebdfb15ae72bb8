package org.hotcog.tickets.internal.feedback;

import java.time.Instant;

import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.component.ModalContext;
import org.hotcog.api.component.ModalHandler;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/** Stores the opener's rating and comment of a closed ticket. */
@Component
@CustomIdPrefix(FeedbackForm.PREFIX)
public final class FeedbackForm implements ModalHandler {
    /** {@code <ticket id>:<stars>} follows. */
    static final String PREFIX = "tickets:feedback:";
    static final String COMMENT = "comment";

    private final TicketStore tickets;
    private final FeedbackStore feedback;

    @Activate
    public FeedbackForm(@Reference TicketStore tickets, @Reference FeedbackStore feedback) {
        this.tickets = tickets;
        this.feedback = feedback;
    }

    @Override
    public void handle(ModalContext ctx) {
        String[] parts = ctx.customIdSuffix().split(":");
        long ticketId = Long.parseLong(parts[0]);
        int stars = Integer.parseInt(parts[1]);
        if (stars < 1 || stars > 5) {
            throw new Refusal("A rating is from 1 to 5 stars.");
        }
        Ticket ticket = tickets.find(ticketId).orElseThrow(() -> new Refusal("This ticket no longer exists."));
        if (ticket.openerId() != ctx.user().getIdLong()) {
            throw new Refusal("Only the ticket's opener can rate it.");
        }
        ModalMapping typed = ctx.event().getValue(COMMENT);
        String comment = typed == null ? "" : typed.getAsString().strip();
        if (comment.length() > FeedbackButtons.MAX_COMMENT) {
            throw new Refusal("A comment is at most " + FeedbackButtons.MAX_COMMENT + " characters.");
        }
        if (!feedback.rate(ticketId, stars, comment, Instant.now())) {
            throw new Refusal("You rated this ticket already. Thank you!");
        }
        ctx.reply().sendEphemeral("Thank you for rating ticket " + ticket.label() + " " + "⭐".repeat(stars) + ".");
    }
}
