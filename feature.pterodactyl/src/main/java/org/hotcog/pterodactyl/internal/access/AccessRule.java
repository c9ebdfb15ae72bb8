package org.hotcog.pterodactyl.internal.access;

/**
 * A role's access to a guild's servers.
 *
 * @param panel a panel's name, or {@link #ALL}
 * @param serverId a server's identifier, or {@link #ALL} for every server of the panel
 */
public record AccessRule(long guildId, long roleId, String panel, String serverId, Level level) {
    public static final String ALL = "*";

    /** Whether the rule covers a server. */
    public boolean covers(String panelName, String identifier) {
        return (panel.equals(ALL) || panel.equals(panelName)) && (serverId.equals(ALL) || serverId.equals(identifier));
    }

    /** The rule's scope as admins read it: {@code all servers}, {@code all servers of main}, {@code main/ab12cd34}. */
    public String scope() {
        if (panel.equals(ALL)) {
            return "all servers";
        }
        return serverId.equals(ALL) ? "all servers of " + panel : panel + "/" + serverId;
    }
}
