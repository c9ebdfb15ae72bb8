package org.hotcog.ai.internal.answer;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where a streamed answer is shown: the reply and its follow-up messages, by their order. */
public interface MessageTarget {

    /**
     * Changes a message already shown.
     *
     * @param index the message's place: 0 is the reply, 1 its first follow-up...
     * @param content its new content, within Discord's limit
     * @return done when Discord has it
     */
    CompletableFuture<Void> edit(int index, String content);

    /**
     * Shows the next message after the last one.
     *
     * @param index the new message's place
     * @param content its content, within Discord's limit
     * @return done when Discord has it
     */
    CompletableFuture<Void> send(int index, String content);

    /**
     * The Discord ids of the messages shown so far, in their order, for a conversation to find them again when
     * someone replies to one; empty where the target does not know them.
     */
    default List<Long> messageIds() {
        return List.of();
    }
}
