package org.hotcog.tickets.internal.open;

import java.util.ArrayList;
import java.util.List;

import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.component.ModalContext;
import org.hotcog.api.component.ModalHandler;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.Question;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/** The answers to a category's questions arrived: the ticket opens with them. */
@Component
@CustomIdPrefix(TicketOpener.ANSWERS_PREFIX)
public final class AnswersForm implements ModalHandler {
    private final TicketOpener opener;

    @Activate
    public AnswersForm(@Reference TicketOpener opener) {
        this.opener = opener;
    }

    @Override
    public void handle(ModalContext ctx) {
        String suffix = ctx.customIdSuffix();
        int colon = suffix.indexOf(':');
        long categoryId;
        try {
            categoryId = Long.parseLong(colon < 0 ? suffix : suffix.substring(0, colon));
        } catch (NumberFormatException e) {
            throw new Refusal("This form is out of date; please open the ticket again.");
        }
        String topic = colon < 0 ? "" : suffix.substring(colon + 1);
        // the limits are checked again: time passed while the member typed
        Category category = opener.admit(ctx, categoryId);
        List<String> blocks = new ArrayList<>();
        List<Question> questions = category.questions();
        for (int i = 0; i < questions.size(); i++) {
            ModalMapping answer = ctx.event().getValue("q" + i);
            String text = answer == null ? "" : answer.getAsString().strip();
            Question question = questions.get(i);
            if (question.required() && text.isEmpty()) {
                throw new Refusal("Please answer \"" + question.label() + "\".");
            }
            blocks.add(question.label() + "\n" + text.replace("\n\n", "\n"));
        }
        ModalMapping about = ctx.event().getValue(TicketOpener.ABOUT_INPUT);
        if (about != null && !about.getAsString().isBlank()) {
            blocks.add(OpenRequests.ABOUT_LABEL + "\n" + about.getAsString().strip().replace("\n\n", "\n"));
        }
        opener.open(ctx, category, topic, String.join("\n\n", blocks));
    }
}
