package org.hotcog.ai.internal.provider;

/**
 * Tokens as the provider reported them.
 *
 * @param promptTokens the prompt's tokens, or -1 when not reported
 * @param completionTokens the answer's tokens, or -1 when not reported
 */
public record Usage(int promptTokens, int completionTokens) {

    /** Nothing reported (a cut stream, a provider that does not count). */
    public static final Usage UNKNOWN = new Usage(-1, -1);

    /** Whether the provider reported both counts. */
    public boolean reported() {
        return promptTokens >= 0 && completionTokens >= 0;
    }
}
