package org.hotcog.ai.internal.provider;

import java.util.List;

import org.hotcog.ai.internal.conversation.Role;
import org.hotcog.ai.internal.conversation.Turn;

/**
 * What is asked of a provider.
 *
 * @param model the model's name
 * @param systemPrompt the instructions that precede the conversation, or null for none
 * @param turns the conversation, oldest first, ending with the person's message
 */
public record ChatRequest(String model, String systemPrompt, List<Turn> turns) {

    /** Checks the values and copies the list. */
    public ChatRequest {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a chat request needs a model");
        }
        turns = List.copyOf(turns);
        if (turns.isEmpty() || turns.get(turns.size() - 1).role() != Role.USER) {
            throw new IllegalArgumentException("a conversation must end with a person's message");
        }
        if (systemPrompt != null && systemPrompt.isBlank()) {
            systemPrompt = null;
        }
    }

    /** Whether any turn carries an image. */
    public boolean hasImages() {
        return turns.stream().anyMatch(turn -> !turn.images().isEmpty());
    }
}
