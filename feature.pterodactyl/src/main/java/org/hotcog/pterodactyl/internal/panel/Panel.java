package org.hotcog.pterodactyl.internal.panel;

import org.hotcog.pterodactyl.internal.client.PanelClient;

/**
 * A configured panel in use: its settings and the client of its own key.
 *
 * @param pid the factory configuration it comes from
 */
public record Panel(String pid, PanelSettings settings, PanelClient client) {
    public String name() {
        return settings.name();
    }

    /** Whether a guild may use the panel. */
    public boolean allows(long guildId) {
        return settings.guilds().contains(guildId);
    }
}
