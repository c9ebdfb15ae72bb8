package org.hotcog.emulator.pterodactyl.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.hotcog.emulator.internal.http.LoopbackHttp;
import org.hotcog.emulator.internal.rest.RouteTable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * The panel's HTTP side on the JDK's server: Bearer keys, the per-key rate limit with Laravel's throttle headers,
 * Pterodactyl's error shape, and the failures and delays a test injects.
 */
final class PanelHttp implements AutoCloseable {
    private static final String CLIENT = "/api/client";
    private static final String APPLICATION = "/api/application/";
    /** The panel's detail for a 500 (and for an injected 5xx). */
    private static final String UNEXPECTED =
            "An unexpected error was encountered while processing this request, please try again.";

    private record Failure(String prefix, int status, Duration retryAfter, AtomicInteger remaining) {
    }

    private record Delay(String prefix, Duration delay, AtomicInteger remaining) {
    }

    private final Panel panel;
    private final ObjectMapper mapper;
    private final LoopbackHttp server;
    private final RouteTable<PanelRoutes.Route> client = new RouteTable<>();
    private final RouteTable<PanelRoutes.Route> application = new RouteTable<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final List<Delay> delays = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();

    PanelHttp(Panel panel, ObjectMapper mapper, PanelRoutes routes) {
        this.panel = panel;
        this.mapper = mapper;
        routes.register(client, application);
        // Enough threads that an injected slow answer does not hold up the others.
        server = LoopbackHttp.open("local-panel-http", 8);
        server.serve(this::handle);
    }

    int port() {
        return server.port();
    }

    long requests() {
        return requests.get();
    }

    void failNext(String prefix, int status, Duration retryAfter, int count) {
        failures.add(new Failure(prefix, status, retryAfter, new AtomicInteger(count)));
    }

    void delayNext(String prefix, Duration delay, int count) {
        delays.add(new Delay(prefix, delay, new AtomicInteger(count)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            try {
                JsonNode answer = answer(exchange);
                write(exchange, answer == null ? 204 : 200, answer);
            } catch (PanelException e) {
                write(exchange, e.status(), error(e));
            } catch (RuntimeException e) {
                write(exchange, 500, error(new PanelException(500, "HttpException", UNEXPECTED)));
            }
        }
    }

    private JsonNode answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            boolean isClient = path.equals(CLIENT) || path.startsWith(CLIENT + "/");
            if (!isClient && !path.startsWith(APPLICATION)) {
                throw PanelException.notFound();
            }
            ApiKey key = authenticate(exchange, isClient ? ApiKey.Kind.CLIENT : ApiKey.Kind.APPLICATION);
            String relative = path.substring(5);
            throttle(exchange, key);
            pause(relative);
            Failure failure = take(relative);
            if (failure != null) {
                if (failure.status() == 429) {
                    tooMany(exchange, failure.retryAfter().toMillis());
                }
                throw new PanelException(failure.status(), "HttpException", UNEXPECTED);
            }
            String rest = isClient ? path.substring(CLIENT.length()) : path.substring(APPLICATION.length());
            Map<String, String> params = new HashMap<>();
            PanelRoutes.Route route = (isClient ? client : application).match(method,
                    RouteTable.segments(rest.startsWith("/") ? rest.substring(1) : rest), params);
            if (route == null) {
                throw PanelException.notFound();
            }
            JsonNode json = MissingNode.getInstance();
            if (body.length > 0) {
                try {
                    json = mapper.readTree(body);
                } catch (IOException e) {
                    throw new PanelException(400, "BadRequestHttpException",
                            "The JSON data passed in the request appears to be malformed.");
                }
            }
            return route.handle(new PanelRoutes.Request(relative, key, params,
                    RouteTable.query(exchange.getRequestURI().getRawQuery()), json == null ? MissingNode.getInstance() : json));
        }
    }

    private ApiKey authenticate(HttpExchange exchange, ApiKey.Kind kind) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        ApiKey key = header != null && header.startsWith("Bearer ") ? panel.key(header.substring(7).trim()) : null;
        if (key == null || key.revoked) {
            throw new PanelException(401, "AuthenticationException", "Unauthenticated.");
        }
        key.requests.incrementAndGet();
        if (key.kind != kind) {
            throw new PanelException(403, "AccessDeniedHttpException", kind == ApiKey.Kind.CLIENT
                    ? "You are attempting to use an application API key on an endpoint that requires a client API key."
                    : "This action is unauthorized.");
        }
        return key;
    }

    /** The panel's limiter: a fixed window per key, its state on every answer, 429 with Retry-After past it. */
    private void throttle(HttpExchange exchange, ApiKey key) {
        int limit = panel.rateLimit();
        long wait = key.take(limit, panel.rateWindow().toMillis(), System.currentTimeMillis());
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Limit", Integer.toString(limit));
        headers.set("X-RateLimit-Remaining", Integer.toString(key.remaining(limit)));
        if (wait >= 0) {
            tooMany(exchange, wait);
        }
    }

    private void tooMany(HttpExchange exchange, long waitMillis) {
        long seconds = Math.max(1, (waitMillis + 999) / 1000);
        Headers headers = exchange.getResponseHeaders();
        headers.set("X-RateLimit-Remaining", "0");
        headers.set("Retry-After", Long.toString(seconds));
        headers.set("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + seconds));
        throw new PanelException(429, "TooManyRequestsHttpException", "Too Many Attempts.");
    }

    private void pause(String relative) {
        for (Delay delay : delays) {
            if (relative.startsWith(delay.prefix())) {
                if (delay.remaining().getAndDecrement() > 0) {
                    sleep(delay.delay());
                    return;
                }
                delays.remove(delay);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Failure take(String relative) {
        for (Failure failure : failures) {
            if (relative.startsWith(failure.prefix())) {
                if (failure.remaining().getAndDecrement() > 0) {
                    return failure;
                }
                failures.remove(failure);
            }
        }
        return null;
    }

    private ObjectNode error(PanelException e) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("code", e.code()).put("status", Integer.toString(e.status())).put("detail", e.getMessage());
        if (e.sourceField() != null) {
            error.putObject("meta").put("source_field", e.sourceField()).put("rule", e.rule());
        }
        return body;
    }

    private void write(HttpExchange exchange, int status, JsonNode body) throws IOException {
        LoopbackHttp.writeJson(exchange, status, body == null ? null : mapper.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.close();
    }
}
