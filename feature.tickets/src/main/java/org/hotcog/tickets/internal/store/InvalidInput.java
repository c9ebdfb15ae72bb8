package org.hotcog.tickets.internal.store;

/**
 * A value the tickets module cannot take. The message names the field as REST names it
 * ({@code memberLimit: ...}); {@link #problem()} says what is wrong without the name, for answers
 * in Discord where the option already names it.
 */
public final class InvalidInput extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidInput(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    public String field() {
        return field;
    }

    /** What is wrong: "must be from 0 to 50". */
    public String problem() {
        return problem;
    }

    /** Refuses a number outside {@code min..max}. */
    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidInput(field, "must be from " + min + " to " + max);
        }
        return value;
    }

    /** Refuses a missing or blank text, or one longer than {@code max}; returns it stripped. */
    public static String text(String field, String value, int max, boolean required) {
        String stripped = value == null ? "" : value.strip();
        if (required && stripped.isEmpty()) {
            throw new InvalidInput(field, "is required");
        }
        if (stripped.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters");
        }
        return stripped;
    }
}
