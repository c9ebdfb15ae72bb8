package org.hotcog.pterodactyl.internal.access;

import java.util.Locale;

/** What a member may do with a server, from least to most. */
public enum Level {
    NONE, VIEW, CONTROL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code view} or {@code control}. */
    public static Level parse(String text) {
        return switch (text == null ? "" : text.trim().toLowerCase(Locale.ROOT)) {
            case "view" -> VIEW;
            case "control" -> CONTROL;
            default -> throw new IllegalArgumentException("level: \"" + text + "\" is not view or control");
        };
    }
}
