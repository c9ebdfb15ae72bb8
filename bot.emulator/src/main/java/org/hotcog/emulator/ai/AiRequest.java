package org.hotcog.emulator.ai;

import java.util.List;
import java.util.Map;

/**
 * A chat request as a local provider received it, recorded before any injected failure was applied, so that a
 * test sees retries as separate requests.
 *
 * @param format the wire format it arrived in
 * @param model the model asked for
 * @param systemPrompt the system prompt (OpenAI and Ollama: the {@code system} messages joined; Gemini:
 *     {@code systemInstruction}), or null
 * @param turns the conversation without the system prompt, oldest first
 * @param stream whether the client asked for a stream
 * @param headers the request's headers, names in lower case, first value of each
 * @param body the raw JSON body
 * @param promptTokens the prompt token count the provider reports for it
 */
public record AiRequest(WireFormat format, String model, String systemPrompt, List<AiTurn> turns, boolean stream,
        Map<String, String> headers, String body, int promptTokens) {

    /** A copy that cannot change. */
    public AiRequest {
        turns = List.copyOf(turns);
        headers = Map.copyOf(headers);
    }

    /** The text of the last user turn, or the empty string. */
    public String lastUserText() {
        for (int i = turns.size() - 1; i >= 0; i--) {
            if ("user".equals(turns.get(i).role())) {
                return turns.get(i).text();
            }
        }
        return "";
    }
}
