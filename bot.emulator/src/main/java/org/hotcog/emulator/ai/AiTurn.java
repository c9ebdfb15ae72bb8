package org.hotcog.emulator.ai;

import java.util.List;

/**
 * One message of the conversation a client sent, in the client's order.
 *
 * @param role {@code user} or {@code assistant} (Gemini's {@code model} is reported as {@code assistant})
 * @param text the message's text parts joined
 * @param images the images attached to it
 */
public record AiTurn(String role, String text, List<AiImage> images) {

    /** A copy that cannot change. */
    public AiTurn {
        images = List.copyOf(images);
    }
}
