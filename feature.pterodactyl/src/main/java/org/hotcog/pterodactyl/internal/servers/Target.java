package org.hotcog.pterodactyl.internal.servers;

import org.hotcog.pterodactyl.internal.access.Level;
import org.hotcog.pterodactyl.internal.client.PanelClient;
import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.panel.Panel;

/**
 * A server a member may reach, and how: through the panel's key (as the guild's access rules allow) or through the
 * member's own linked key (every server that key sees, with control).
 *
 * @param client the client of the key to use for it
 */
public record Target(Panel panel, PanelClient client, PanelServerInfo server, Level level, boolean memberKey) {
    /** How commands name it: {@code panel/identifier}. */
    public String ref() {
        return panel.name() + "/" + server.identifier();
    }

    /** The panel's name and the server's identifier, for a refusal or a log line: {@code Survival (main/ab12cd34)}. */
    public String label() {
        return server.name() + " (" + ref() + ")";
    }
}
