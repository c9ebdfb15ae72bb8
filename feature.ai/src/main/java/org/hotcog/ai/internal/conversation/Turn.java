package org.hotcog.ai.internal.conversation;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param role who wrote it
 * @param text its text (may be empty when it carries images)
 * @param images the images attached, oldest first
 */
public record Turn(Role role, String text, List<Image> images) {

    /** Checks the values and copies the list. */
    public Turn {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        images = List.copyOf(images);
        if (text.isEmpty() && images.isEmpty()) {
            throw new IllegalArgumentException("a turn has neither text nor images");
        }
    }

    /** A person's message of text alone. */
    public static Turn user(String text) {
        return new Turn(Role.USER, text, List.of());
    }

    /** An answer of the model. */
    public static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text, List.of());
    }
}
