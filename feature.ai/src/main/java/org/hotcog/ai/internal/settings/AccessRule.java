package org.hotcog.ai.internal.settings;

/**
 * One entry of a guild's allow or block lists.
 *
 * @param kind what it names
 * @param targetId the user's, role's or channel's id
 * @param allowed true for the allow list, false for the block list
 */
public record AccessRule(Kind kind, long targetId, boolean allowed) {

    /** What an entry names. */
    public enum Kind { USER, ROLE, CHANNEL }
}
