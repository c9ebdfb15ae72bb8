package org.hotcog.moderation.internal.settings;

/** A setting that cannot take the value it was given; the message names the setting. */
public final class InvalidSettingException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String problem;

    public InvalidSettingException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** What is wrong, without the field's name: "must be from 1 to 1000". */
    public String problem() {
        return problem;
    }

    /** The setting, as REST names it: {@code thresholds[1].duration}. */
    public String field() {
        return field;
    }
}
