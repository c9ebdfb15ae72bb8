package org.hotcog.emulator.pterodactyl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Drives the local panel with the JDK's HTTP and WebSocket clients, as a panel client would. */
class LocalPanelTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalPanel panel;
    private PanelServer survival;
    private PanelServer creative;
    private PanelServer hidden;
    private String key;

    @BeforeEach
    void start() {
        panel = LocalPanel.start();
        panel.powerDelay(Duration.ofMillis(50));
        survival = panel.addServer("Survival", ServerLimits.of(4096, 20480, 200));
        creative = panel.addServer("Creative", ServerLimits.of(2048, 10240, 100));
        hidden = panel.addServer("Staff only", ServerLimits.of(1024, 5120, 100));
        key = panel.createClientKey(survival, creative);
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    private HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(panel.url() + path))
                .header("Accept", "Application/vnd.pterodactyl.v1+json").timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }

    private void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = json(response).path("errors").path(0);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).isNotEmpty();
    }

    @Test
    void listsOnlyTheKeysServersPageByPage() throws Exception {
        JsonNode first = json(call("GET", "/api/client?per_page=1", key, null));
        assertThat(first.path("object").asText()).isEqualTo("list");
        JsonNode pagination = first.path("meta").path("pagination");
        assertThat(pagination.path("total").asInt()).isEqualTo(2);
        assertThat(pagination.path("total_pages").asInt()).isEqualTo(2);
        assertThat(pagination.path("links").path("next").asText()).endsWith("/api/client?per_page=1&page=2");
        JsonNode server = first.path("data").path(0);
        assertThat(server.path("object").asText()).isEqualTo("server");
        JsonNode attributes = server.path("attributes");
        assertThat(attributes.path("identifier").asText()).isEqualTo(survival.identifier());
        assertThat(attributes.path("uuid").asText()).isEqualTo(survival.uuid());
        assertThat(attributes.path("limits").path("cpu").asInt()).isEqualTo(200);
        assertThat(attributes.path("limits").path("memory").asInt()).isEqualTo(4096);
        JsonNode allocation = attributes.path("relationships").path("allocations").path("data").path(0)
                .path("attributes");
        assertThat(allocation.path("ip").asText() + ":" + allocation.path("port").asInt()).isEqualTo(survival.address());
        assertThat(allocation.path("is_default").asBoolean()).isTrue();

        JsonNode second = json(call("GET", "/api/client?page=2&per_page=1", key, null));
        assertThat(second.path("data").path(0).path("attributes").path("name").asText()).isEqualTo("Creative");
        assertThat(second.path("meta").path("pagination").path("links").has("next")).isFalse();
        assertError(call("GET", "/api/client?per_page=500", key, null), 422, "ValidationException");
    }

    @Test
    void refusesMissingWrongRevokedAndMisplacedKeysInThePanelsShape() throws Exception {
        assertError(call("GET", "/api/client", null, null), 401, "AuthenticationException");
        assertError(call("GET", "/api/client", "ptlc_" + "x".repeat(43), null), 401, "AuthenticationException");
        assertError(call("GET", "/api/client/servers/" + hidden.identifier(), key, null), 404, "NotFoundHttpException");
        assertError(call("GET", "/api/application/nodes", key, null), 403, "AccessDeniedHttpException");
        String application = panel.createApplicationKey();
        assertError(call("GET", "/api/client", application, null), 403, "AccessDeniedHttpException");
        panel.grant(key, hidden);
        assertThat(call("GET", "/api/client/servers/" + hidden.identifier(), key, null).statusCode()).isEqualTo(200);
        panel.withdraw(key, hidden);
        assertError(call("GET", "/api/client/servers/" + hidden.identifier(), key, null), 404, "NotFoundHttpException");
        panel.revokeKey(key);
        assertError(call("GET", "/api/client", key, null), 401, "AuthenticationException");
    }

    @Test
    void powerSignalsMoveTheStateAndCommandsNeedARunningServer() throws Exception {
        String base = "/api/client/servers/" + survival.identifier();
        assertError(call("POST", base + "/command", key, "{\"command\":\"say hi\"}"), 502, "HttpException");
        HttpResponse<String> invalid = call("POST", base + "/power", key, "{\"signal\":\"explode\"}");
        assertError(invalid, 422, "ValidationException");
        assertThat(json(invalid).path("errors").path(0).path("meta").path("source_field").asText()).isEqualTo("signal");

        assertThat(call("POST", base + "/power", key, "{\"signal\":\"start\"}").statusCode()).isEqualTo(204);
        assertThat(survival.state()).isEqualTo(PowerState.STARTING);
        awaitState(survival, PowerState.RUNNING);
        survival.setUsage(150.5, 1L << 30, 3L << 30);
        JsonNode stats = json(call("GET", base + "/resources", key, null));
        assertThat(stats.path("object").asText()).isEqualTo("stats");
        assertThat(stats.path("attributes").path("current_state").asText()).isEqualTo("running");
        assertThat(stats.path("attributes").path("resources").path("cpu_absolute").asDouble()).isEqualTo(150.5);
        assertThat(stats.path("attributes").path("resources").path("memory_bytes").asLong()).isEqualTo(1L << 30);

        assertThat(call("POST", base + "/command", key, "{\"command\":\"say hi\"}").statusCode()).isEqualTo(204);
        assertThat(survival.commandsReceived()).containsExactly("say hi");
        assertThat(call("POST", base + "/power", key, "{\"signal\":\"kill\"}").statusCode()).isEqualTo(204);
        assertThat(survival.state()).isEqualTo(PowerState.OFFLINE);
        // a restart of a stopped server starts it, as on Wings
        assertThat(call("POST", base + "/power", key, "{\"signal\":\"restart\"}").statusCode()).isEqualTo(204);
        assertThat(survival.state()).isEqualTo(PowerState.STARTING);
        awaitState(survival, PowerState.RUNNING);
        assertThat(survival.powerSignals()).containsExactly("start", "kill", "restart");
    }

    private static void awaitState(PanelServer server, PowerState state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.state()).isEqualTo(state);
    }

    @Test
    void rateLimitsEachKeyWithTheThrottlesHeaders() throws Exception {
        panel.rateLimit(3, Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = call("GET", "/api/client", key, null);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(ok.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
        }
        HttpResponse<String> limited = call("GET", "/api/client", key, null);
        assertError(limited, 429, "TooManyRequestsHttpException");
        assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow()).isBetween(1L, 60L);
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(limited.headers().firstValue("X-RateLimit-Reset")).isPresent();
        // another key has its own budget
        assertThat(call("GET", "/api/client", panel.createClientKey(hidden), null).statusCode()).isEqualTo(200);
    }

    @Test
    void injectsRateLimitsFailuresAndSlowAnswers() throws Exception {
        panel.rateLimitNext("client", Duration.ofSeconds(7), 1);
        HttpResponse<String> limited = call("GET", "/api/client", key, null);
        assertError(limited, 429, "TooManyRequestsHttpException");
        assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
        panel.failNext("client/servers/" + survival.identifier(), 503, 2);
        assertError(call("GET", "/api/client/servers/" + survival.identifier(), key, null), 503, "HttpException");
        assertThat(call("GET", "/api/client", key, null).statusCode()).isEqualTo(200);
        assertError(call("GET", "/api/client/servers/" + survival.identifier() + "/resources", key, null), 503,
                "HttpException");
        assertThat(call("GET", "/api/client/servers/" + survival.identifier(), key, null).statusCode()).isEqualTo(200);
        panel.delayNext("client", Duration.ofMillis(600), 1);
        long started = System.nanoTime();
        assertThat(call("GET", "/api/client", key, null).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void applicationApiListsTheNodeAndItsAllocations() throws Exception {
        String application = panel.createApplicationKey();
        JsonNode nodes = json(call("GET", "/api/application/nodes", application, null));
        assertThat(nodes.path("data").path(0).path("attributes").path("fqdn").asText()).isEqualTo("127.0.0.1");
        assertThat(json(call("GET", "/api/application/nodes/1", application, null)).path("object").asText())
                .isEqualTo("node");
        JsonNode allocations = json(call("GET", "/api/application/nodes/1/allocations", application, null));
        assertThat(allocations.path("meta").path("pagination").path("total").asInt()).isEqualTo(3);
        assertThat(allocations.path("data").path(0).path("attributes").path("port").asInt())
                .isEqualTo(Integer.parseInt(survival.address().split(":")[1]));
        assertError(call("GET", "/api/application/nodes/2", application, null), 404, "NotFoundHttpException");
    }

    /** A websocket client that queues every message it receives. */
    private static final class Socket implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    private JsonNode next(Socket socket, String event) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String text = socket.received.poll(100, TimeUnit.MILLISECONDS);
            if (text != null) {
                JsonNode message = mapper.readTree(text);
                if (message.path("event").asText().equals(event)) {
                    return message;
                }
            }
        }
        throw new AssertionError("no " + event + " event");
    }

    private static String send(String event, String arg) {
        return "{\"event\":\"" + event + "\",\"args\":[" + (arg == null ? "" : "\"" + arg + "\"") + "]}";
    }

    @Test
    void websocketAuthenticatesStreamsAndExpiresLikeWings() throws Exception {
        panel.statsInterval(Duration.ofMillis(100));
        JsonNode credentials = json(call("GET", "/api/client/servers/" + survival.identifier() + "/websocket", key,
                null)).path("data");
        assertThat(credentials.path("socket").asText()).endsWith("/api/servers/" + survival.uuid() + "/ws");
        Socket socket = new Socket();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(credentials.path("socket").asText()), socket)
                .get(5, TimeUnit.SECONDS);
        ws.sendText(send("send stats", null), true);
        assertThat(next(socket, "jwt error").path("args").path(0).asText()).isEqualTo("jwt: no jwt present");

        ws.sendText(send("auth", credentials.path("token").asText()), true);
        next(socket, "auth success");
        assertThat(next(socket, "status").path("args").path(0).asText()).isEqualTo("offline");
        assertThat(survival.authenticatedConnections()).isEqualTo(1);

        survival.setUsage(42.0, 512L << 20, 1L << 30);
        ws.sendText(send("set state", "start"), true);
        assertThat(next(socket, "status").path("args").path(0).asText()).isEqualTo("starting");
        assertThat(next(socket, "status").path("args").path(0).asText()).isEqualTo("running");
        JsonNode stats = mapper.readTree(next(socket, "stats").path("args").path(0).asText());
        assertThat(stats.path("cpu_absolute").asDouble()).isEqualTo(42.0);
        assertThat(stats.path("memory_limit_bytes").asLong()).isEqualTo(4096L << 20);
        assertThat(stats.path("state").asText()).isEqualTo("running");
        assertThat(stats.path("network").has("rx_bytes")).isTrue();

        ws.sendText(send("send command", "list"), true);
        assertThat(next(socket, "console output").path("args").path(0).asText()).isEqualTo("> list");
        survival.consoleLine("There are 0 of a max of 20 players online");
        assertThat(next(socket, "console output").path("args").path(0).asText()).contains("players online");
        socket.received.clear();
        ws.sendText(send("send logs", null), true);
        assertThat(next(socket, "console output").path("args").path(0).asText()).isNotEmpty();

        survival.warnTokensExpiring();
        next(socket, "token expiring");
        survival.expireTokens();
        next(socket, "token expired");
        ws.sendText(send("send stats", null), true);
        assertThat(next(socket, "jwt error").path("args").path(0).asText()).isEqualTo("jwt: exp claim is invalid");
        ws.sendText(send("auth", credentials.path("token").asText()), true);
        next(socket, "token expired");

        String fresh = json(call("GET", "/api/client/servers/" + survival.identifier() + "/websocket", key, null))
                .path("data").path("token").asText();
        ws.sendText(send("auth", fresh), true);
        next(socket, "auth success");
        next(socket, "stats");
        ws.sendText(send("auth", fresh.substring(0, fresh.length() - 2) + "xx"), true);
        next(socket, "jwt error");
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    @Test
    void tokensNearTheirEndAreWarnedOfAndThenExpire() throws Exception {
        panel.tokenLifetime(Duration.ofMillis(1500));
        panel.expiringWindow(Duration.ofSeconds(1));
        panel.tokenCheckInterval(Duration.ofMillis(200));
        JsonNode credentials = json(call("GET", "/api/client/servers/" + creative.identifier() + "/websocket", key,
                null)).path("data");
        Socket socket = new Socket();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(credentials.path("socket").asText()), socket)
                .get(5, TimeUnit.SECONDS);
        ws.sendText(send("auth", credentials.path("token").asText()), true);
        next(socket, "auth success");
        next(socket, "token expiring");
        // once expired, Wings' check can only say so through jwt error
        assertThat(next(socket, "jwt error").path("args").path(0).asText()).isEqualTo("jwt: exp claim is invalid");
        creative.dropConnections();
        assertThat(creative.authenticatedConnections()).isZero();
    }
}
