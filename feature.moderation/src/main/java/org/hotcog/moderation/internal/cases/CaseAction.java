package org.hotcog.moderation.internal.cases;

import java.util.Locale;

import net.dv8tion.jda.api.Permission;

/**
 * What a case records. Each action names the Discord permission a moderator needs for it (unless
 * they have a moderator role) and the bot needs to carry it out. Most act on a user; purges,
 * slowmodes and locks act on a channel, whose id is then the case's target.
 */
public enum CaseAction {
    KICK("kicked", Permission.KICK_MEMBERS, 0xE67E22),
    BAN("banned", Permission.BAN_MEMBERS, 0xC0392B),
    UNBAN("unbanned", Permission.BAN_MEMBERS, 0x27AE60),
    SOFTBAN("softbanned", Permission.BAN_MEMBERS, 0xD35400),
    TIMEOUT("timed out", Permission.MODERATE_MEMBERS, 0xF1C40F),
    UNTIMEOUT("released from timeout", Permission.MODERATE_MEMBERS, 0x2ECC71),
    WARN("warned", Permission.MODERATE_MEMBERS, 0xF39C12),
    UNWARN("cleared of a warning", Permission.MODERATE_MEMBERS, 0x1ABC9C),
    /** A message removed by the automod: the target is its author. */
    DELETE("had a message removed", Permission.MESSAGE_MANAGE, 0x95A5A6),
    PURGE("purged", Permission.MESSAGE_MANAGE, 0x7F8C8D, true),
    SLOWMODE("slowed down", Permission.MANAGE_CHANNEL, 0x3498DB, true),
    LOCK("locked", Permission.MANAGE_CHANNEL, 0x8E44AD, true),
    UNLOCK("unlocked", Permission.MANAGE_CHANNEL, 0x9B59B6, true);

    private final String pastTense;
    private final Permission permission;
    private final int color;
    private final boolean onChannel;

    CaseAction(String pastTense, Permission permission, int color) {
        this(pastTense, permission, color, false);
    }

    CaseAction(String pastTense, Permission permission, int color, boolean onChannel) {
        this.pastTense = pastTense;
        this.permission = permission;
        this.color = color;
        this.onChannel = onChannel;
    }

    /** Whether the target is a channel rather than a user. */
    public boolean onChannel() {
        return onChannel;
    }

    /**
     * Whether this is an action on a member that a moderator takes by hand: their permissions for
     * these are what makes someone a moderator.
     */
    public boolean sanctionsMember() {
        return !onChannel && this != DELETE;
    }

    /** As in "bob was {@code banned}". */
    public String pastTense() {
        return pastTense;
    }

    /** The Discord permission the action needs. */
    public Permission permission() {
        return permission;
    }

    /**
     * Whether {@code Sanctions} changes something in Discord for it: warnings live in the database
     * only, and the automod removes a message before it records the case.
     */
    public boolean actsOnDiscord() {
        return this != WARN && this != UNWARN && this != DELETE;
    }

    /** The modlog embed's colour. */
    public int color() {
        return color;
    }

    /** As the database, REST and events write it: {@code ban}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As a person reads it: {@code Ban}. */
    public String title() {
        return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }

    /** The action of a {@link #wireName()}, or null for any other text. */
    public static CaseAction ofWireName(String name) {
        for (CaseAction action : values()) {
            if (action.wireName().equals(name)) {
                return action;
            }
        }
        return null;
    }
}
