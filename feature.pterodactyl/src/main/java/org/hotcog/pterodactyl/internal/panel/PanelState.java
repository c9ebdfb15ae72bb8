package org.hotcog.pterodactyl.internal.panel;

import java.time.Instant;
import java.util.List;

/**
 * How a panel configuration fares, for admins: whether it runs, and what is wrong with it if anything.
 *
 * @param name the panel's name, or the configured text when the name itself is invalid
 * @param problems what is wrong, each naming its field; empty when {@link Status#ACTIVE}
 * @param running whether a valid panel of this configuration is in use (the previous one, when the last change was
 *     refused)
 * @param since when the state was reached
 */
public record PanelState(String pid, String name, Status status, List<String> problems, boolean running,
        Instant since) {
    public enum Status {
        /** The panel is in use with the configuration as it is. */
        ACTIVE,
        /** A changed configuration is being checked against the panel; the previous one runs meanwhile. */
        CHECKING,
        /** The configuration is wrong; the previous valid one (if any) runs. */
        INVALID,
        /** The panel did not answer the check; a first configuration is used anyway, a change is not. */
        UNREACHABLE
    }
}
