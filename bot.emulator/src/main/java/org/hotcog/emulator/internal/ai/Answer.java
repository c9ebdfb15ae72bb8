package org.hotcog.emulator.internal.ai;

import java.util.List;

/**
 * The answer to send.
 *
 * @param id the answer's id in the format's style
 * @param tokens the text in the pieces it is streamed in (one completion token each)
 * @param truncated whether the request's token limit cut it short
 * @param promptTokens the prompt tokens reported
 */
record Answer(String id, List<String> tokens, boolean truncated, int promptTokens) {

    /** The whole text. */
    String text() {
        return String.join("", tokens);
    }

    /** The completion tokens reported. */
    int completionTokens() {
        return tokens.size();
    }
}
