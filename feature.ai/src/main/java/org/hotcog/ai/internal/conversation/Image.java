package org.hotcog.ai.internal.conversation;

import java.util.Objects;
import java.util.Set;

/**
 * An image attached to a turn.
 *
 * @param mimeType one of the types every provider with images accepts
 * @param data the bytes
 */
public record Image(String mimeType, byte[] data) {

    /** The types OpenAI, Ollama and Gemini all take. */
    public static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/webp", "image/gif");

    /** Checks the type and that there are bytes. */
    public Image {
        Objects.requireNonNull(data, "data");
        if (!TYPES.contains(mimeType)) {
            throw new IllegalArgumentException("image type " + mimeType + " is none of " + TYPES);
        }
        if (data.length == 0) {
            throw new IllegalArgumentException("an image has no bytes");
        }
    }
}
