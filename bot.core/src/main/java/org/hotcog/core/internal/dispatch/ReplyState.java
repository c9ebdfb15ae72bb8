package org.hotcog.core.internal.dispatch;

import java.util.concurrent.CompletableFuture;

import org.hotcog.api.interaction.InteractionReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * The answers of one interaction, whoever gives them: the handler, the dispatcher deferring for a
 * slow handler, or the dispatcher reporting an error. One lock orders them, so a handler that
 * answers just as the dispatcher defers never gets "already acknowledged" from Discord: whatever
 * comes second adapts to what came first.
 *
 * <p>Discord fixes an answer's visibility with the deferral: filling in a public "thinking…" shows the
 * answer to everyone. A handler that defers itself chooses the visibility of its answer then; but when the
 * dispatcher deferred publicly for a slow handler, an ephemeral answer would be shown to all. Such an answer,
 * and the dispatcher's own last word (a refusal, an error: always ephemeral) after any public deferral,
 * therefore delete the "thinking…" message and are sent as a follow-up of their own visibility, which from
 * then on stands for the original response (edits go to it). Answers after the deletion wait for it, so
 * Discord never takes them for the deferral's filling.
 */
final class ReplyState implements InteractionReply {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyState.class);

    private enum Stage {
        /** Nothing sent yet. */
        NEW,
        /** "Thinking…" shown; the next answer fills it in. */
        DEFERRED_REPLY,
        /** A component's message will be updated later. */
        DEFERRED_UPDATE,
        /** A first answer was sent; more answers are follow-ups. */
        ANSWERED,
        /** A modal was opened; the interaction takes no other answer. */
        MODAL,
        /** The dispatcher answered for the handler (error or time-out); the handler's answers are dropped. */
        CLOSED
    }

    private final IReplyCallback interaction;
    private final String correlationId;
    private Stage stage = Stage.NEW;
    /** Whether the "thinking…" of a {@link Stage#DEFERRED_REPLY} is ephemeral. */
    private boolean deferredEphemeral;
    /** The visibility the handler chose for its answer by deferring (even after the dispatcher did); else null. */
    private Boolean chosenEphemeral;
    /** Completes when the answers sent so far no longer need to precede the next: the deferral's replacement. */
    private CompletableFuture<Void> previous = done();
    /** The id of the follow-up that replaced the deleted "thinking…" message; null while there is none. */
    private CompletableFuture<String> replacement;

    ReplyState(IReplyCallback interaction, String correlationId) {
        this.interaction = interaction;
        this.correlationId = correlationId;
    }

    @Override
    public CompletableFuture<Void> send(MessageCreateData message) {
        return answer(message, false, false);
    }

    @Override
    public CompletableFuture<Void> send(String text) {
        return answer(MessageCreateData.fromContent(text), false, false);
    }

    @Override
    public CompletableFuture<Void> sendEphemeral(MessageCreateData message) {
        return answer(message, true, false);
    }

    @Override
    public CompletableFuture<Void> sendEphemeral(String text) {
        return answer(MessageCreateData.fromContent(text), true, false);
    }

    @Override
    public synchronized CompletableFuture<Void> defer(boolean ephemeral) {
        if (stage == Stage.DEFERRED_REPLY && chosenEphemeral == null) {
            chosenEphemeral = ephemeral;
        }
        if (stage != Stage.NEW) {
            return done();
        }
        stage = Stage.DEFERRED_REPLY;
        deferredEphemeral = ephemeral;
        chosenEphemeral = ephemeral;
        return submit(interaction.deferReply(ephemeral));
    }

    @Override
    public synchronized CompletableFuture<Void> editOriginal(MessageEditData message) {
        return switch (stage) {
            case NEW -> {
                stage = Stage.ANSWERED;
                yield submit(interaction.reply(MessageCreateData.fromEditData(message)));
            }
            case DEFERRED_REPLY -> chosenEphemeral != null && chosenEphemeral != deferredEphemeral
                    // the handler's late defer chose other eyes than the core's "thinking…": it is replaced
                    ? answer(MessageCreateData.fromEditData(message), chosenEphemeral, false)
                    : editAnswer(message);
            case DEFERRED_UPDATE, ANSWERED -> editAnswer(message);
            case MODAL, CLOSED -> dropped("edit");
        };
    }

    @Override
    public synchronized CompletableFuture<Void> showModal(Modal modal) {
        if (stage != Stage.NEW || !(interaction instanceof IModalCallback modals)) {
            throw new IllegalStateException("a modal can only be the first answer of a command or component");
        }
        stage = Stage.MODAL;
        return submit(modals.replyModal(modal));
    }

    @Override
    public synchronized boolean isAcknowledged() {
        return stage != Stage.NEW;
    }

    /** Replaces the message holding a component: the first answer, or after a deferred update. */
    synchronized CompletableFuture<Void> updateMessage(IMessageEditCallback component, MessageEditData message) {
        return switch (stage) {
            case NEW -> {
                stage = Stage.ANSWERED;
                yield submit(component.editMessage(message));
            }
            case DEFERRED_UPDATE, DEFERRED_REPLY, ANSWERED -> editAnswer(message);
            case MODAL, CLOSED -> dropped("update");
        };
    }

    /** Called by the dispatcher when the handler is slow: "thinking…" for commands, a silent ack for components. */
    synchronized void deferForHandler(IMessageEditCallback componentOrNull) {
        if (stage != Stage.NEW) {
            return;
        }
        if (componentOrNull != null) {
            stage = Stage.DEFERRED_UPDATE;
            submit(componentOrNull.deferEdit());
        } else {
            stage = Stage.DEFERRED_REPLY;
            deferredEphemeral = false;
            submit(interaction.deferReply());
        }
    }

    /** The dispatcher's last word (a refusal, an error, a time-out); the handler's later answers are dropped. */
    synchronized void finish(String text) {
        if (stage == Stage.MODAL || stage == Stage.CLOSED) {
            LOG.debug("[{}] no way left to tell the user: {}", correlationId, text);
        } else {
            answer(MessageCreateData.fromContent(text), true, true);
        }
        stage = Stage.CLOSED;
    }

    /**
     * The first answer, a deferral's filling or a follow-up.
     *
     * @param ephemeral whether only the user sees it; a deferred answer has the visibility its handler chose by
     *        deferring, if it did
     * @param lastWord whether it is the dispatcher's, which keeps its visibility in any case
     */
    private synchronized CompletableFuture<Void> answer(MessageCreateData message, boolean ephemeral,
            boolean lastWord) {
        return switch (stage) {
            case NEW -> {
                stage = Stage.ANSWERED;
                yield submit(interaction.reply(message).setEphemeral(ephemeral));
            }
            case DEFERRED_REPLY -> {
                stage = Stage.ANSWERED;
                boolean wanted = lastWord || chosenEphemeral == null ? ephemeral : chosenEphemeral;
                if (wanted == deferredEphemeral) {
                    yield submit(interaction.getHook().editOriginal(MessageEditData.fromCreateData(message)));
                }
                InteractionHook hook = interaction.getHook();
                replacement = submit(hook.deleteOriginal()).exceptionally(error -> null)
                        .thenCompose(deleted -> send(hook.sendMessage(message).setEphemeral(wanted)))
                        .thenApply(Message::getId);
                previous = replacement.handle((id, error) -> null);
                yield replacement.thenApply(id -> null);
            }
            case DEFERRED_UPDATE, ANSWERED -> followUp(message, ephemeral);
            case MODAL, CLOSED -> dropped("answer");
        };
    }

    private CompletableFuture<Void> followUp(MessageCreateData message, boolean ephemeral) {
        return previous.thenCompose(
                ignored -> submit(interaction.getHook().sendMessage(message).setEphemeral(ephemeral)));
    }

    /** Edits the original response (filling in a deferral), or the follow-up that replaced it. */
    private CompletableFuture<Void> editAnswer(MessageEditData message) {
        stage = Stage.ANSWERED;
        if (replacement == null) {
            return submit(interaction.getHook().editOriginal(message));
        }
        return replacement.thenCompose(id -> submit(interaction.getHook().editMessageById(id, message)));
    }

    private CompletableFuture<Void> dropped(String what) {
        LOG.debug("[{}] {} dropped: the interaction was already closed", correlationId, what);
        return done();
    }

    private CompletableFuture<Void> submit(RestAction<?> action) {
        return send(action).thenApply(ignored -> (Void) null);
    }

    private <T> CompletableFuture<T> send(RestAction<T> action) {
        return action.submit().whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("[{}] Discord refused an answer: {}", correlationId, error.toString());
            }
        });
    }

    private static CompletableFuture<Void> done() {
        return CompletableFuture.completedFuture(null);
    }
}
