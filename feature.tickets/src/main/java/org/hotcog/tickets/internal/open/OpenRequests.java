package org.hotcog.tickets.internal.open;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.tickets.internal.category.Category;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A member asked for a ticket (a panel's button or menu, {@code /new}): the category's questions come first when it
 * has any, otherwise the ticket opens at once.
 */
@Component(service = OpenRequests.class)
public final class OpenRequests {
    /** The longest topic that travels in a modal's custom id (Discord allows 100 characters in all). */
    public static final int MAX_TOPIC = 60;
    /** The label of the answer that quotes the message a ticket is about. */
    public static final String ABOUT_LABEL = "The message";

    private final TicketOpener opener;

    @Activate
    public OpenRequests(@Reference TicketOpener opener) {
        this.opener = opener;
    }

    public void request(InteractionContext ctx, long categoryId, String topic) {
        request(ctx, categoryId, topic, "");
    }

    /**
     * As {@link #request(InteractionContext, long, String)}, about a message: {@code about} (its link, author and
     * text) is the ticket's first answer, and an editable field of the form when the category asks questions.
     */
    public void request(InteractionContext ctx, long categoryId, String topic, String about) {
        Category category = opener.admit(ctx, categoryId);
        if (category.questions().isEmpty()) {
            opener.open(ctx, category, topic, about.isEmpty() ? "" : ABOUT_LABEL + "\n" + about);
        } else {
            ctx.reply().showModal(TicketOpener.questions(category, topic, about));
        }
    }
}
