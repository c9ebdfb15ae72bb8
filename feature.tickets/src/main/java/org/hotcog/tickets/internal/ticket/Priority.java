package org.hotcog.tickets.internal.ticket;

import java.util.Locale;

/** How urgent a ticket is; shown as a coloured mark in front of its channel's name. */
public enum Priority {
    LOW("🟢"), NORMAL(""), HIGH("🟠"), URGENT("🔴");

    private final String mark;

    Priority(String mark) {
        this.mark = mark;
    }

    /** The channel name with this priority's mark in front, and any other priority's mark removed. */
    public String mark(String channelName) {
        String bare = channelName;
        for (Priority p : values()) {
            if (!p.mark.isEmpty() && bare.startsWith(p.mark + "-")) {
                bare = bare.substring(p.mark.length() + 1);
            }
        }
        return mark.isEmpty() ? bare : mark + "-" + bare;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority of its wire name ({@code low}, {@code normal}, {@code high}, {@code urgent}). */
    public static Priority of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
