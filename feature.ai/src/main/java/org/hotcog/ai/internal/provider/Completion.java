package org.hotcog.ai.internal.provider;

/**
 * A finished answer.
 *
 * @param text the whole answer
 * @param finishReason why the model stopped
 * @param rawFinishReason the provider's own word for it
 * @param usage the tokens as the provider reported them
 * @param attempts how many requests it took (2 after a 429 and its retry)
 */
public record Completion(String text, FinishReason finishReason, String rawFinishReason, Usage usage, int attempts) {
}
