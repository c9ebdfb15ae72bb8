package org.hotcog.moderation.internal.automod;

import java.util.Locale;

/**
 * What a broken message rule does. Every action removes the message (for spam: the burst); a
 * warning and a timeout come on top, as cases of the bot.
 */
public enum AutomodAction {
    DELETE,
    /** Removes it and gives the author one warning point, which escalates like any other. */
    WARN,
    /** Removes it and times the author out for the guild's automod timeout. */
    TIMEOUT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action of a {@link #wireName()}, or null. */
    public static AutomodAction ofWireName(String name) {
        for (AutomodAction action : values()) {
            if (action.wireName().equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return action;
            }
        }
        return null;
    }
}
