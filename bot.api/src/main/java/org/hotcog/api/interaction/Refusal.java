package org.hotcog.api.interaction;

/**
 * Thrown by a handler to refuse a request with a message for the user: bad input, a missing
 * permission, a rule of the feature. The core answers with the message, visible to that user
 * only, and records the interaction as refused, not as failed; no stack trace is logged.
 *
 * {@snippet :
 * if (amount <= 0) {
 *     throw new Refusal("The amount must be at least 1.");
 * }
 * }
 */
public class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message shown to the user as written: one or two plain sentences */
    public Refusal(String message) {
        super(message, null, false, false);
    }
}
