package org.hotcog.core.internal.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

class DiscordHttpClientTest {
    private static final int AT_ONCE = 20;

    private HttpServer server;
    private ExecutorService serverThreads;
    /** The client ports requests came from: one per connection. */
    private final Set<Integer> connections = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch allArrived = new CountDownLatch(AT_ONCE);

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        serverThreads = Executors.newFixedThreadPool(AT_ONCE);
        server.setExecutor(serverThreads);
        server.createContext("/", exchange -> {
            connections.add(exchange.getRemoteAddress().getPort());
            // every request waits for the others, so that all of them need a connection at the same time
            allArrived.countDown();
            try {
                allArrived.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "{}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void theConnectionsOfABusyMomentServeTheNextOne() throws Exception {
        OkHttpClient client = DiscordHttpClient.forApi(baseUrl());
        try {
            requestAllAtOnce(client);
            assertThat(connections).hasSize(AT_ONCE);
            assertThat(client.connectionPool().idleConnectionCount()).isEqualTo(AT_ONCE);

            allArrived = new CountDownLatch(AT_ONCE);
            requestAllAtOnce(client);
            assertThat(connections).as("connections opened in all").hasSize(AT_ONCE);
        } finally {
            DiscordHttpClient.close(client);
        }
        assertThat(client.connectionPool().connectionCount()).isZero();
    }

    @Test
    void aLocalDiscordOnPlainHttpIsSpokenToWithoutTls() {
        assertThat(DiscordHttpClient.forApi(baseUrl()).connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        assertThat(DiscordHttpClient.forApi("http://localhost:9000/api/v10/").connectionSpecs())
                .containsExactly(ConnectionSpec.CLEARTEXT);
    }

    @Test
    void discordAndRemoteServersKeepTls() {
        assertThat(DiscordHttpClient.forApi("").connectionSpecs()).anyMatch(ConnectionSpec::isTls);
        assertThat(DiscordHttpClient.forApi("https://127.0.0.1:9000/api/v10/").connectionSpecs())
                .anyMatch(ConnectionSpec::isTls);
        assertThat(DiscordHttpClient.isLocalPlainHttp("http://discord.example.org/api/v10/")).isFalse();
        assertThat(DiscordHttpClient.isLocalPlainHttp("http://127.0.0.1.example.org/api/v10/")).isFalse();
    }

    private void requestAllAtOnce(OkHttpClient client) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                calls.add(callers.submit(() -> {
                    try (Response response = client.newCall(new Request.Builder().url(baseUrl()).build()).execute()) {
                        response.body().string();
                        return response.code();
                    }
                }));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get(20, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v10/";
    }
}
