package org.hotcog.pterodactyl.internal.servers;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.client.PanelException;

/** What a member is told when a panel fails a request: one sentence per cause, never a key. */
public final class PanelRefusals {
    private PanelRefusals() {
    }

    /**
     * @param panel the panel's name
     * @param memberKey whether the member's own key made the request
     */
    public static Refusal of(String panel, String server, PanelException failure, boolean memberKey) {
        String text;
        if (failure instanceof PanelException.Unauthorized) {
            text = memberKey ? "The panel " + panel + " refused your linked key: it was revoked or deleted. Link a "
                    + "new one with /ptero link." : "The panel " + panel + " refused the bot's key; an admin must "
                            + "update the panel's configuration.";
        } else if (failure instanceof PanelException.Forbidden) {
            text = "The panel " + panel + " does not let " + (memberKey ? "your key" : "the bot's key") + " do that on "
                    + server + ".";
        } else if (failure instanceof PanelException.NotFound) {
            text = "Unknown server: " + server + ".";
        } else if (failure instanceof PanelException.RateLimited limited) {
            text = "The panel " + panel + " is rate limiting requests; try again in "
                    + Math.max(1, limited.retryAfter().toSeconds()) + " s.";
        } else if (failure instanceof PanelException.ServerOffline) {
            text = server + " is not running; start it first.";
        } else if (failure instanceof PanelException.Unavailable) {
            text = "The panel " + panel + " cannot be reached right now; try again later.";
        } else if (failure instanceof PanelException.Rejected) {
            text = "The panel " + panel + " refused the request for " + server + ".";
        } else {
            text = "The panel " + panel + " answered something that is not the Pterodactyl API.";
        }
        return new Refusal(text);
    }
}
