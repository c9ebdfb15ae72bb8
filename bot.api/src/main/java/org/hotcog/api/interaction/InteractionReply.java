package org.hotcog.api.interaction;

import java.util.concurrent.CompletableFuture;

import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Answers one interaction, whatever has happened to it already. Discord wants a first answer
 * within 3 seconds; when a handler is slower, the core defers for it, and {@link #send} then
 * fills in the deferred answer instead of failing. A deferred answer is seen by whom the handler
 * chose with {@link #defer(boolean)} (even if the core deferred first); without that, by whom it
 * asks for: an ephemeral answer after the core's public "thinking…" replaces it with an ephemeral
 * follow-up, which later {@link #editOriginal} calls then edit. A {@link Refusal} is always
 * ephemeral. Use this rather than the JDA event's own {@code reply} methods, which fail once the
 * interaction was deferred.
 *
 * <p>Every method sends asynchronously and returns at once; the futures complete when Discord
 * confirmed (exceptionally when it refused). Answers are delivered in the order they were made.
 * After the core answered for the handler (an error, or a time-out) further answers are dropped.
 *
 * {@snippet :
 * ctx.reply().send("Pong! " + ms + " ms");
 * ctx.reply().sendEphemeral(new MessageCreateBuilder().addEmbeds(embed).build());
 * }
 */
@ProviderType
public interface InteractionReply {
    /**
     * The answer everyone in the channel sees: the first response, or the content of the
     * deferred one, or else a follow-up message.
     */
    CompletableFuture<Void> send(MessageCreateData message);

    /** {@link #send(MessageCreateData)} with plain text. */
    CompletableFuture<Void> send(String text);

    /** Like {@link #send(MessageCreateData)}, seen only by the user who interacted. */
    CompletableFuture<Void> sendEphemeral(MessageCreateData message);

    /** {@link #sendEphemeral(MessageCreateData)} with plain text. */
    CompletableFuture<Void> sendEphemeral(String text);

    /**
     * Shows "thinking…" now and answers later with {@link #send} or {@link #editOriginal}.
     * Does nothing if the interaction was already acknowledged.
     *
     * @param ephemeral whether the later answer is seen only by the user
     */
    CompletableFuture<Void> defer(boolean ephemeral);

    /** Replaces the first answer (or the deferred placeholder). */
    CompletableFuture<Void> editOriginal(MessageEditData message);

    /**
     * Opens a form. Only possible as the first answer, within 3 seconds, so call it before any
     * slow work.
     *
     * @throws IllegalStateException if the interaction was already acknowledged
     */
    CompletableFuture<Void> showModal(Modal modal);

    /** Whether a first answer (reply, deferral or modal) was already sent. */
    boolean isAcknowledged();
}
