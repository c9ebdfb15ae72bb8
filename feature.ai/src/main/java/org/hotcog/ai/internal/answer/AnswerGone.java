package org.hotcog.ai.internal.answer;

/**
 * The answer can no longer be shown: Discord refused a write of it (its message was deleted, the interaction's
 * token expired, the bot lost access to the channel). Thrown to the provider's stream, it stops the call, so no
 * more of an answer nobody will see is generated and paid for.
 */
public final class AnswerGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AnswerGone(Throwable refusal) {
        super("Discord refused to show the answer: " + refusal.getMessage(), refusal);
    }
}
