package org.hotcog.levels.internal.settings;

/**
 * A setting that cannot take the value it was given. The message names the setting as REST names
 * it ({@code cooldownSeconds: ...}); {@link #problem()} says what is wrong without the name, for
 * answers in Discord.
 */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    public InvalidSettingException(String field, String problem) {
        super(field + ": " + problem);
        this.problem = problem;
    }

    /** What is wrong: "must be from 5 to 86,400 seconds". */
    public String problem() {
        return problem;
    }
}
