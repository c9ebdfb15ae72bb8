package org.hotcog.emulator.internal.ws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small RFC 6455 server on the JDK: one accept thread and one reader thread per connection. Gateway clients are
 * few (one per shard) and long-lived, so a thread each costs less than an event loop would.
 */
public final class WebSocketServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final WebSocketHandler handler;
    private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptThread;
    private volatile boolean closed;

    private WebSocketServer(ServerSocket serverSocket, WebSocketHandler handler) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.acceptThread = new Thread(this::acceptLoop, "local-discord-gateway-accept-" + serverSocket.getLocalPort());
        this.acceptThread.setDaemon(true);
    }

    /**
     * Opens an ephemeral port on 127.0.0.1 and starts accepting.
     *
     * @param handler receives every connection's events
     * @return the running server
     */
    public static WebSocketServer start(WebSocketHandler handler) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            WebSocketServer server = new WebSocketServer(socket, handler);
            server.acceptThread.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the gateway port", e);
        }
    }

    /** The port the server listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The open connections. */
    public Set<WebSocketConnection> connections() {
        return Set.copyOf(connections);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                WebSocketConnection connection = new WebSocketConnection(socket, handler, connections::remove);
                connections.add(connection);
                Thread reader = new Thread(connection::run, "local-discord-gateway-" + socket.getPort());
                reader.setDaemon(true);
                reader.start();
            } catch (SocketException e) {
                // accept() fails this way when close() closes the server socket
                return;
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
        for (WebSocketConnection connection : connections()) {
            connection.abort();
        }
    }
}
