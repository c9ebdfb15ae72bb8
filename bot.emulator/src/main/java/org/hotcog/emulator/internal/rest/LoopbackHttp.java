package org.hotcog.emulator.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on an ephemeral port of 127.0.0.1 with a fixed pool of daemon threads: the base of the
 * local Discord's REST API and of the local panel.
 */
public final class LoopbackHttp implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Opens the port; nothing is answered before {@link #serve}.
     *
     * @param threadPrefix names the pool's threads
     * @param threads how many requests are handled at once
     */
    public static LoopbackHttp open(String threadPrefix, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            AtomicInteger count = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, threadPrefix + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            return new LoopbackHttp(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a port on 127.0.0.1", e);
        }
    }

    /** Starts answering every path with the handler. */
    public void serve(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Sends a JSON answer, or one without a body when {@code json} is null. */
    public static void writeJson(HttpExchange exchange, int status, byte[] json) throws IOException {
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
