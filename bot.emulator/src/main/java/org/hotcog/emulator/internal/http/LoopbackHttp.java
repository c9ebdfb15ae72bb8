package org.hotcog.emulator.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK's HTTP server on an ephemeral port of 127.0.0.1 with a pool of named daemon threads, as every local
 * stand-in for an internet service uses it (the local Discord's REST API, the local AI providers).
 */
public final class LoopbackHttp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttp(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Opens the port; nothing is served until {@link #serve(HttpHandler)}.
     *
     * @param threadPrefix the name of the server's threads, numbered after it
     * @param threads how many requests are answered at once
     * @return the opened server
     * @throws UncheckedIOException if the port cannot be opened
     */
    public static LoopbackHttp open(String threadPrefix, int threads) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = runnable -> {
                Thread thread = new Thread(runnable, threadPrefix + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
            ExecutorService executor = Executors.newFixedThreadPool(threads, factory);
            server.setExecutor(executor);
            return new LoopbackHttp(server, executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a port on 127.0.0.1", e);
        }
    }

    /**
     * Starts answering every path with {@code handler}.
     *
     * @param handler what answers
     */
    public void serve(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Sends a JSON answer, or one without a body when {@code json} is null.
     *
     * @param exchange the request being answered
     * @param status the HTTP status
     * @param json the body, or null for none
     */
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

    /** Stops serving at once and ends the server's threads (a request in progress is interrupted). */
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
