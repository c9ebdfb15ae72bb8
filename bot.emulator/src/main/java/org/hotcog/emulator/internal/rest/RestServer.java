package org.hotcog.emulator.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import org.hotcog.emulator.Attachment;
import org.hotcog.emulator.internal.http.LoopbackHttp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * Discord's REST API mechanics on the JDK's HTTP server: routing under {@code /api/v10/}, bot-token checks,
 * Discord's JSON error shape, rate-limit headers, injected failures (429 with {@code retry_after}), and JSON or
 * multipart ({@code payload_json} + {@code files[n]}) bodies. What each route does is registered by the caller.
 */
public final class RestServer implements AutoCloseable {

    /** The path prefix of every API route. */
    public static final String API_PREFIX = "/api/v10/";
    /** Where attachments are served, as by Discord's CDN (without {@code /api}). */
    public static final String ATTACHMENTS_PREFIX = "/attachments/";
    /** Enough for JDA never to wait on a bucket: the emulator does not throttle unless a test injects a 429. */
    private static final int BUCKET_LIMIT = 50;

    private final ObjectMapper mapper;
    private final LoopbackHttp server;
    private final RouteTable<Route> routes = new RouteTable<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final AtomicLong requests = new AtomicLong();
    private final Predicate<String> tokenCheck;
    private final ErrorListener errorListener;
    private volatile AttachmentSource attachments = (channel, attachment, filename) -> Optional.empty();

    /** Told about every error answer, so that an interaction can list the errors the bot got for it. */
    @FunctionalInterface
    public interface ErrorListener {
        /**
         * @param route the request's route
         * @param params the route's placeholders
         * @param error the error answered
         */
        void onError(String route, Map<String, String> params, RestException error);
    }

    /** Finds the attachment a CDN path names ({@code attachments/{channel}/{attachment}/{file name}}). */
    @FunctionalInterface
    public interface AttachmentSource {
        /** @return the attachment, or empty for a 404 */
        Optional<Attachment> find(long channelId, long attachmentId, String filename);
    }

    private record Route(boolean needsAuth, RouteHandler handler, String bucket) {
    }

    private record Failure(String method, String prefix, int status, AtomicInteger remaining) {
    }

    private RestServer(ObjectMapper mapper, LoopbackHttp server, Predicate<String> tokenCheck,
            ErrorListener errorListener) {
        this.mapper = mapper;
        this.server = server;
        this.tokenCheck = tokenCheck;
        this.errorListener = errorListener;
    }

    /**
     * Opens an ephemeral port on 127.0.0.1. Routes must be added before {@link #serve()}.
     *
     * @param mapper the JSON mapper
     * @param tokenCheck tells whether an {@code Authorization} header value carries the bot token
     * @param errorListener told about every error answer
     * @return the server, not yet serving
     */
    public static RestServer open(ObjectMapper mapper, Predicate<String> tokenCheck, ErrorListener errorListener) {
        // A fixed pool: requests are short and CPU-bound, and benchmarks run on 2 cores.
        return new RestServer(mapper, LoopbackHttp.open("local-discord-rest", 4), tokenCheck, errorListener);
    }

    /**
     * Adds a route.
     *
     * @param method the HTTP method
     * @param pattern the route after {@code /api/v10/}, placeholders in braces, e.g. {@code channels/{channel}}
     * @param needsAuth whether the bot token is required (interaction callbacks and webhook routes are
     *     authorized by their token instead)
     * @param handler what the route does
     */
    public void route(String method, String pattern, boolean needsAuth, RouteHandler handler) {
        routes.add(method, pattern, new Route(needsAuth, handler, Integer.toHexString((method + " " + pattern).hashCode())));
    }

    /** Serves attachments under {@value #ATTACHMENTS_PREFIX}, without a token, as Discord's CDN does. */
    public void serveAttachments(AttachmentSource source) {
        this.attachments = source;
    }

    /** Starts serving. */
    public void serve() {
        server.serve(this::handle);
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** How many requests were answered. */
    public long requests() {
        return requests.get();
    }

    /**
     * Makes the next {@code count} matching requests fail with {@code status}.
     *
     * @param method the HTTP method
     * @param routePrefix the start of the route after {@code /api/v10/}
     * @param status the status to answer
     * @param count how many requests
     */
    public void failNext(String method, String routePrefix, int status, int count) {
        failures.add(new Failure(method.toUpperCase(Locale.ROOT), routePrefix, status, new AtomicInteger(count)));
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String rawPath = exchange.getRequestURI().getRawPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (rawPath.startsWith(ATTACHMENTS_PREFIX) && "GET".equals(method)) {
                sendAttachment(exchange, rawPath.substring(ATTACHMENTS_PREFIX.length()).split("/"));
                return;
            }
            if (!rawPath.startsWith(API_PREFIX)) {
                send(exchange, 404, error(404, 0, "404: Not Found", null), null);
                return;
            }
            // JDA encodes @original as %40original
            String[] segments = RouteTable.segments(rawPath.substring(API_PREFIX.length()));
            String route = String.join("/", segments);
            Map<String, String> params = new HashMap<>();
            Route matched = routes.match(method, segments, params);
            String bucket = matched == null ? "none" : matched.bucket();
            Failure failure = takeFailure(method, route);
            if (failure != null) {
                sendFailure(exchange, failure.status(), bucket);
                return;
            }
            if (matched == null) {
                send(exchange, 404, error(404, 0, "404: Not Found", null), bucket);
                return;
            }
            boolean authorized = tokenCheck.test(exchange.getRequestHeaders().getFirst("Authorization"));
            if (matched.needsAuth() && !authorized) {
                send(exchange, 401, error(401, 0, "401: Unauthorized", null), bucket);
                return;
            }
            byte[] body = in.readAllBytes();
            try {
                RestRequest request = parse(exchange, method, route, params, body, authorized);
                JsonNode answer = matched.handler().handle(request);
                send(exchange, answer == null ? 204 : 200, answer, bucket);
            } catch (RestException e) {
                errorListener.onError(route, params, e);
                send(exchange, e.status(), error(e.status(), e.code(), e.getMessage(), e.errors()), bucket);
            }
        } catch (RuntimeException e) {
            // A bug in a handler must still answer like Discord would, not hang the client
            send(exchange, 500, error(500, 0, "500: Internal Server Error (" + e + ")", null), null);
        }
    }

    private Failure takeFailure(String method, String route) {
        for (Failure failure : failures) {
            if (failure.method().equals(method) && route.startsWith(failure.prefix())) {
                if (failure.remaining().getAndDecrement() > 0) {
                    return failure;
                }
                failures.remove(failure);
            }
        }
        return null;
    }

    private void sendFailure(HttpExchange exchange, int status, String bucket) throws IOException {
        if (status != 429) {
            send(exchange, status, error(status, 0, status + ": injected failure", null), bucket);
            return;
        }
        // Discord's 429: retry_after in seconds (fractional) in the body, Retry-After header in whole seconds
        double retryAfter = 0.25;
        ObjectNode body = mapper.createObjectNode();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", retryAfter);
        body.put("global", false);
        body.put("code", 0);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Retry-After", "1");
        headers.set("X-RateLimit-Limit", Integer.toString(BUCKET_LIMIT));
        headers.set("X-RateLimit-Remaining", "0");
        headers.set("X-RateLimit-Reset", resetEpoch(retryAfter));
        headers.set("X-RateLimit-Reset-After", Double.toString(retryAfter));
        headers.set("X-RateLimit-Bucket", bucket);
        headers.set("X-RateLimit-Scope", "user");
        write(exchange, 429, mapper.writeValueAsBytes(body));
    }

    private static String resetEpoch(double afterSeconds) {
        return String.format(Locale.ROOT, "%.3f", System.currentTimeMillis() / 1000.0 + afterSeconds);
    }

    private RestRequest parse(HttpExchange exchange, String method, String route, Map<String, String> params,
            byte[] body, boolean authorized) {
        Map<String, String> query = RouteTable.query(exchange.getRequestURI().getRawQuery());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        JsonNode json = MissingNode.getInstance();
        List<RestRequest.UploadedFile> files = List.of();
        try {
            if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                Multipart multipart = Multipart.parse(body, contentType);
                files = multipart.files();
                if (multipart.payloadJson() != null) {
                    json = mapper.readTree(multipart.payloadJson());
                }
            } else if (body.length > 0) {
                json = mapper.readTree(body);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RestException(400, 50109, "The request body contains invalid JSON.", null);
        }
        // clients URL-encode the reason so that any text fits in a header
        String reason = exchange.getRequestHeaders().getFirst("X-Audit-Log-Reason");
        return new RestRequest(method, route, params, query, json == null ? MissingNode.getInstance() : json, files,
                authorized, reason == null ? null : URLDecoder.decode(reason, StandardCharsets.UTF_8));
    }

    private ObjectNode error(int status, int code, String message, ObjectNode errors) {
        ObjectNode node = mapper.createObjectNode();
        node.put("message", message);
        node.put("code", code);
        if (errors != null) {
            node.set("errors", errors);
        }
        return node;
    }

    private void send(HttpExchange exchange, int status, JsonNode body, String bucket) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        if (bucket != null) {
            headers.set("X-RateLimit-Limit", Integer.toString(BUCKET_LIMIT));
            headers.set("X-RateLimit-Remaining", Integer.toString(BUCKET_LIMIT - 1));
            headers.set("X-RateLimit-Reset", resetEpoch(1));
            headers.set("X-RateLimit-Reset-After", "1.000");
            headers.set("X-RateLimit-Bucket", bucket);
        }
        write(exchange, status, body == null ? null : mapper.writeValueAsBytes(body));
    }

    private void sendAttachment(HttpExchange exchange, String[] path) throws IOException {
        Optional<Attachment> found = Optional.empty();
        if (path.length == 3 && path[0].matches("\\d{1,19}") && path[1].matches("\\d{1,19}")) {
            found = attachments.find(Long.parseLong(path[0]), Long.parseLong(path[1]),
                    URLDecoder.decode(path[2], StandardCharsets.UTF_8));
        }
        if (found.isEmpty()) {
            send(exchange, 404, error(404, 0, "404: Not Found", null), null);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", found.get().contentType());
        byte[] data = found.get().data();
        exchange.sendResponseHeaders(200, data.length);
        exchange.getResponseBody().write(data);
    }

    private static void write(HttpExchange exchange, int status, byte[] bytes) throws IOException {
        // Discord's answers pass Google's front end; JDA takes a 429 without "Via" for a Cloudflare ban
        exchange.getResponseHeaders().set("Via", "1.1 google");
        LoopbackHttp.writeJson(exchange, status, bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
