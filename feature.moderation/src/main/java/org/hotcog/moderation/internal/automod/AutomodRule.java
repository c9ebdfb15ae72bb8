package org.hotcog.moderation.internal.automod;

import java.util.Locale;

/**
 * The automod's rules. Each has a count and a time window, which mean what the rule makes of them,
 * and defaults that fit a server of a few hundred members.
 */
public enum AutomodRule {
    /** {@code limit} messages from one member within {@code window} seconds. */
    SPAM("spam", 5, 5),
    /** {@code limit} or more user, role and everyone mentions in one message. */
    MENTIONS("mentions", 5, 0),
    /** Invite links to servers whose invite code is not on the allow list. */
    INVITES("invites", 0, 0),
    /** Blocked words (whole words, any case) and blocked patterns (regular expressions). */
    WORDS("words", 0, 0),
    /** {@code limit} joins within {@code window} seconds: strict mode. */
    RAID("raid", 10, 10);

    private final String wireName;
    private final int defaultLimit;
    private final int defaultWindowSeconds;

    AutomodRule(String wireName, int defaultLimit, int defaultWindowSeconds) {
        this.wireName = wireName;
        this.defaultLimit = defaultLimit;
        this.defaultWindowSeconds = defaultWindowSeconds;
    }

    /** As commands, REST and the database write it: {@code spam}. */
    public String wireName() {
        return wireName;
    }

    /** The rule as it is until a guild changes it: off, deleting. */
    public RuleSetting defaults() {
        return new RuleSetting(false, AutomodAction.DELETE, defaultLimit, defaultWindowSeconds);
    }

    /** The rule of a {@link #wireName()}, or null. */
    public static AutomodRule ofWireName(String name) {
        for (AutomodRule rule : values()) {
            if (rule.wireName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return rule;
            }
        }
        return null;
    }
}
