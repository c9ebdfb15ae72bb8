package org.hotcog.emulator.pterodactyl;

import java.util.List;

/**
 * A game server of the local panel. Changes made here reach the connected websockets at once, as Wings would send
 * them: a state change as {@code status}, a console line as {@code console output}.
 */
public interface PanelServer {
    /** The short identifier used in Client API paths: the first 8 characters of the UUID. */
    String identifier();

    /** The server's UUID. */
    String uuid();

    /** The panel's numeric id ({@code internal_id}). */
    int internalId();

    String name();

    ServerLimits limits();

    /** The default allocation as {@code ip:port}. */
    String address();

    PowerState state();

    /** Sets the state at once and sends {@code status} to the websockets. */
    void setState(PowerState state);

    /** Writes a console line: kept for {@code send logs} and sent as {@code console output}. */
    void consoleLine(String line);

    /**
     * Sets what the next stats report while the server runs.
     *
     * @param cpuAbsolute CPU in percent of one thread (may exceed 100 with several vCPUs)
     * @param memoryBytes memory in use
     * @param diskBytes disk in use (reported even while offline)
     */
    void setUsage(double cpuAbsolute, long memoryBytes, long diskBytes);

    /** The console commands received so far (REST and websocket), oldest first. */
    List<String> commandsReceived();

    /** The power signals received so far (REST and websocket), oldest first. */
    List<String> powerSignals();

    /** Sends {@code token expiring} to every authenticated websocket now, as Wings does in the token's last minute. */
    void warnTokensExpiring();

    /**
     * Makes every websocket token issued for this server so far expired, and sends {@code token expired} to the
     * authenticated websockets. Until a websocket authenticates again, Wings answers it with {@code jwt error}.
     */
    void expireTokens();

    /** Drops every websocket of this server without a close frame, as a restarting Wings would. */
    void dropConnections();

    /** How many websockets of this server are authenticated now. */
    int authenticatedConnections();
}
