package org.hotcog.ai.internal.provider;

import java.util.Locale;

/** Why the model stopped, in one vocabulary for the three formats. */
public enum FinishReason {
    /** It was done ({@code stop}, {@code STOP}). */
    STOP,
    /** It hit the token limit ({@code length}, {@code MAX_TOKENS}). */
    LENGTH,
    /** A safety or content filter stopped it ({@code content_filter}, {@code SAFETY}, {@code RECITATION}...). */
    FILTERED,
    /** Another reason the provider gave. */
    OTHER;

    /**
     * @param raw the provider's own word
     * @return its meaning
     */
    static FinishReason of(String raw) {
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "stop", "end_turn" -> STOP;
            case "length", "max_tokens" -> LENGTH;
            case "content_filter", "safety", "recitation", "blocklist", "prohibited_content", "spii" -> FILTERED;
            default -> OTHER;
        };
    }
}
