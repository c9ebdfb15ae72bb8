package org.hotcog.emulator.internal.ai;

import java.util.List;

import org.hotcog.emulator.ai.AiTurn;

/**
 * A chat request parsed from any wire format.
 *
 * @param model the model asked for
 * @param systemPrompt the system prompt, or null
 * @param turns the conversation
 * @param stream whether to stream
 * @param includeUsage OpenAI's {@code stream_options.include_usage}
 * @param maxTokens the completion limit the request set, 0 for none
 */
record Call(String model, String systemPrompt, List<AiTurn> turns, boolean stream, boolean includeUsage,
        int maxTokens) {

    /** Whether any turn carries an image. */
    boolean hasImages() {
        return turns.stream().anyMatch(turn -> !turn.images().isEmpty());
    }
}
