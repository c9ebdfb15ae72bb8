package org.hotcog.ai.internal.settings;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Who may use the AI where, from a guild's allow and block lists: a block (of the user, one of their roles, the
 * channel or a thread's parent channel) always wins; an allow list of channels, once it has an entry, admits only
 * those channels (and their threads); an allow list of users and roles, once it has an entry, admits only those
 * users and the members of those roles.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /**
     * @param rules the guild's lists
     * @param userId who asks
     * @param roleIds their roles
     * @param channelId where (a thread's own id)
     * @param parentChannelId a thread's parent channel, or 0
     * @return empty when allowed, else what to tell the person
     */
    public static Optional<String> refusal(List<AccessRule> rules, long userId, Collection<Long> roleIds,
            long channelId, long parentChannelId) {
        boolean channelListed = false;
        boolean channelAllowed = false;
        boolean peopleListed = false;
        boolean personAllowed = false;
        for (AccessRule rule : rules) {
            boolean matches = switch (rule.kind()) {
                case USER -> rule.targetId() == userId;
                case ROLE -> roleIds.contains(rule.targetId());
                case CHANNEL -> rule.targetId() == channelId || rule.targetId() == parentChannelId
                        && parentChannelId != 0;
            };
            if (!rule.allowed() && matches) {
                return Optional.of(rule.kind() == AccessRule.Kind.CHANNEL ? "The AI is turned off in this channel."
                        : "You may not use the AI in this server.");
            }
            if (rule.allowed() && rule.kind() == AccessRule.Kind.CHANNEL) {
                channelListed = true;
                channelAllowed |= matches;
            } else if (rule.allowed()) {
                peopleListed = true;
                personAllowed |= matches;
            }
        }
        if (channelListed && !channelAllowed) {
            return Optional.of("The AI answers only in some channels of this server, not in this one.");
        }
        if (peopleListed && !personAllowed) {
            return Optional.of("The AI of this server is open only to some members or roles.");
        }
        return Optional.empty();
    }
}
