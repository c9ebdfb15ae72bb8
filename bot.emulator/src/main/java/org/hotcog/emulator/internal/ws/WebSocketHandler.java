package org.hotcog.emulator.internal.ws;

/** Receives the events of one WebSocket connection, on that connection's reader thread. */
public interface WebSocketHandler {

    /** Called once after the handshake. */
    void onOpen(WebSocketConnection connection);

    /** Called for each complete (reassembled) text or binary message, decoded as UTF-8. */
    void onMessage(WebSocketConnection connection, String message);

    /**
     * Called once when the connection ends.
     *
     * @param code the close code the peer sent, or 1006 when the connection dropped without a close frame
     */
    void onClose(WebSocketConnection connection, int code);
}
