package org.hotcog.core.internal.settings;

import java.util.List;

/** Thrown when the configuration has values Hotcog cannot start with; lists every problem found. */
public final class InvalidSettingsException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidSettingsException(List<String> problems) {
        super("Invalid configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
