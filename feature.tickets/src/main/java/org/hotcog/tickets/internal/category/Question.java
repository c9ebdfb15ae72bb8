package org.hotcog.tickets.internal.category;

import org.hotcog.tickets.internal.store.InvalidInput;

/**
 * One question of a category's modal, asked before the ticket opens.
 *
 * @param label what Discord shows above the input (at most 45 characters)
 * @param paragraph a multi-line input instead of a single line
 * @param minLength 0 to 4000
 * @param maxLength 1 to 4000, at least {@code minLength}
 */
public record Question(String label, boolean paragraph, String placeholder, int minLength, int maxLength,
        boolean required) {
    /** Discord's limits for a text input (component reference: text inputs). */
    public static final int MAX_LABEL = 45;
    public static final int MAX_PLACEHOLDER = 100;
    public static final int MAX_LENGTH = 4000;

    public Question {
        label = InvalidInput.text("questions.label", label, MAX_LABEL, true);
        placeholder = InvalidInput.text("questions.placeholder", placeholder, MAX_PLACEHOLDER, false);
        InvalidInput.range("questions.minLength", minLength, 0, MAX_LENGTH);
        InvalidInput.range("questions.maxLength", maxLength, Math.max(1, minLength), MAX_LENGTH);
    }
}
