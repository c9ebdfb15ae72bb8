package org.hotcog.pterodactyl.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.hotcog.api.secrets.SecretBox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One panel seen through one client key (and optionally an application key): Pterodactyl's Client API and the
 * Application API's nodes and allocations, over the JDK's HTTP client.
 *
 * <p>Every call has a timeout. The key's requests stay within the panel's limit (240 a minute) through a
 * client-side budget; a 429 holds every request of the key back for its Retry-After and is retried with backoff a
 * few times, never at once. Reads are retried after a 5xx or a timeout; power signals and commands are not, since
 * they may have been carried out. Failures are the subclasses of {@link PanelException}.
 *
 * <p>Thread-safe; blocking. The budgets come from a {@link RequestBudgets} shared by all clients, so that every
 * client of one key draws on the key's one budget.
 */
public final class PanelClient {
    /**
     * @param requestTimeout the longest one request may take
     * @param maxRetries how often a 429 (or, for reads, a 5xx or timeout) is retried
     * @param maxWait the longest a call may wait for the budget or a Retry-After before failing with
     *     {@link PanelException.RateLimited}
     * @param pingInterval how often a websocket is pinged to find out that it died without a close
     */
    public record Settings(Duration requestTimeout, int maxRetries, Duration maxWait, Duration pingInterval) {
        public Settings {
            if (requestTimeout.isNegative() || requestTimeout.isZero() || maxRetries < 0 || maxWait.isNegative()
                    || pingInterval.isNegative() || pingInterval.isZero()) {
                throw new IllegalArgumentException("invalid panel client settings " + requestTimeout + ", "
                        + maxRetries + ", " + maxWait + ", " + pingInterval);
            }
        }

        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(10), 3, Duration.ofSeconds(30), Duration.ofSeconds(30));
        }
    }

    /** The Accept header the panel's API versioning expects. */
    static final String ACCEPT = "Application/vnd.pterodactyl.v1+json";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_]{1,200}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9-]{1,36}");
    private static final int PAGE_SIZE = 100;
    /** A panel whose pagination never ends is broken; stop there rather than loop. */
    private static final int MAX_PAGES = 1000;
    private static final int MAX_COMMAND_LENGTH = 2000;
    private static final Duration RETRY_BASE = Duration.ofMillis(500);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String baseUrl;
    private final Key client;
    private final Key application;
    private final Settings settings;
    private final Clock clock;

    /** A key and its budget. */
    private record Key(String secret, RequestBudget budget) {
    }

    /**
     * @param http the HTTP client (its connect timeout should be set); shared, not closed here
     * @param baseUrl the panel's URL, {@code https://panel.example.com}
     * @param clientKey the client key, {@code ptlc_…}
     * @param applicationKey the application key, {@code ptla_…}, or null
     * @param budgets the budgets of all keys, shared by the clients
     * @throws IllegalArgumentException naming the field when the URL or a key is invalid
     */
    public PanelClient(HttpClient http, String baseUrl, String clientKey, String applicationKey, Settings settings,
            RequestBudgets budgets) {
        this.http = http;
        this.baseUrl = validUrl(baseUrl);
        this.settings = settings;
        this.clock = budgets.clock();
        String checkedClient = validKey("client key", clientKey, "ptlc_");
        this.client = new Key(checkedClient, budgets.of(checkedClient));
        this.application = applicationKey == null ? null
                : new Key(validKey("application key", applicationKey, "ptla_"), budgets.of(applicationKey));
    }

    public static String validUrl(String url) {
        String trimmed = url == null ? "" : url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                    || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("url: \"" + url + "\" is not a panel URL such as "
                        + "https://panel.example.com (http:// or https://, a host, no query)");
            }
            return trimmed;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url: \"" + url + "\" is not a URL: " + e.getReason());
        }
    }

    public static String validKey(String field, String key, String prefix) {
        if (key == null || !key.startsWith(prefix) || key.length() < prefix.length() + 16 || !KEY.matcher(key).matches()) {
            // the value itself is a secret: never repeat it
            throw new IllegalArgumentException(field + ": expected a key starting with " + prefix
                    + " and at least 16 letters or digits after it");
        }
        return key;
    }

    /** The panel's URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Whether an application key is configured, for {@link #node} and {@link #allocations}. */
    public boolean hasApplicationKey() {
        return application != null;
    }

    /** Requests the client key made within the last minute. */
    public int clientRequestsLastMinute() {
        return client.budget().used();
    }

    /** Every server the client key can see, all pages. */
    public List<PanelServerInfo> listServers() {
        return allPages(client, "/api/client", this::server);
    }

    /** One server. */
    public PanelServerInfo server(String identifier) {
        return server(get(client, "/api/client/servers/" + valid(identifier)));
    }

    /** The server's state and resource use now. */
    public Usage resources(String identifier) {
        JsonNode attributes = PanelJson.object(get(client, "/api/client/servers/" + valid(identifier) + "/resources"),
                "attributes");
        JsonNode resources = PanelJson.object(attributes, "resources");
        return new Usage(PanelJson.text(attributes, "current_state"), PanelJson.decimal(resources, "cpu_absolute"),
                PanelJson.number(resources, "memory_bytes"), PanelJson.optionalNumber(resources, "memory_limit_bytes"),
                PanelJson.number(resources, "disk_bytes"), PanelJson.number(resources, "network_rx_bytes"),
                PanelJson.number(resources, "network_tx_bytes"), PanelJson.optionalNumber(resources, "uptime"));
    }

    /** Sends a power signal; the panel answers once Wings took it, before the state changes. */
    public void power(String identifier, PowerSignal signal) {
        send(client, "POST", "/api/client/servers/" + valid(identifier) + "/power",
                mapper.createObjectNode().put("signal", signal.wire()), false);
    }

    /**
     * Sends a console command.
     *
     * @throws IllegalArgumentException for an empty command, one longer than 2000 characters, or one with a line
     *     break or other control character (which would run as a second command)
     * @throws PanelException.ServerOffline when the server is not running
     */
    public void command(String identifier, String command) {
        if (command == null || command.isBlank() || command.length() > MAX_COMMAND_LENGTH
                || command.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("command: 1 to " + MAX_COMMAND_LENGTH
                    + " characters on one line, without control characters");
        }
        send(client, "POST", "/api/client/servers/" + valid(identifier) + "/command",
                mapper.createObjectNode().put("command", command), false);
    }

    /** A websocket token (valid about 10 minutes) and the Wings URL to use it on. */
    public WebsocketCredentials websocket(String identifier) {
        JsonNode data = PanelJson.object(get(client, "/api/client/servers/" + valid(identifier) + "/websocket"),
                "data");
        String socket = PanelJson.text(data, "socket");
        URI uri;
        try {
            uri = new URI(socket);
        } catch (URISyntaxException e) {
            throw new PanelException.BadResponse("the panel's websocket URL is not a URL");
        }
        if (!("ws".equals(uri.getScheme()) || "wss".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new PanelException.BadResponse("the panel's websocket URL is not a ws:// or wss:// URL");
        }
        return new WebsocketCredentials(PanelJson.text(data, "token"), uri);
    }

    /** A websocket token and the URL of the server's Wings socket. */
    public record WebsocketCredentials(String token, URI socket) {
        @Override
        public String toString() {
            return "WebsocketCredentials[" + socket + "]";
        }
    }

    /**
     * Opens the server's websocket: it authenticates, renews its token before it expires, and reconnects with
     * backoff until {@link PanelSocket#close()}. Events arrive on the listener.
     *
     * @param scheduler runs the reconnects and token renewals; owned by the caller
     */
    public PanelSocket openSocket(String identifier, PanelSocket.Listener listener, ScheduledExecutorService scheduler) {
        PanelSocket socket = new PanelSocket(this, valid(identifier), listener, scheduler, http, mapper,
                settings.requestTimeout(), settings.pingInterval());
        socket.connect();
        return socket;
    }

    /** A node from the Application API with its location, or empty when there is no such node. */
    public Optional<Node> node(int id) {
        try {
            return Optional.of(node(get(requireApplication(), "/api/application/nodes/" + id + "?include=location")));
        } catch (PanelException.NotFound e) {
            return Optional.empty();
        }
    }

    /**
     * Where a server runs, from the Application API (the Client API names the node but gives neither its id nor the
     * allocation's), or empty when there is no such server.
     *
     * @param internalId the server's numeric id ({@link PanelServerInfo#internalId()})
     */
    public Optional<Node.Placement> placement(int internalId) {
        try {
            JsonNode a = PanelJson.object(get(requireApplication(), "/api/application/servers/" + internalId),
                    "attributes");
            return Optional.of(new Node.Placement((int) PanelJson.number(a, "node"),
                    (int) PanelJson.number(a, "allocation")));
        } catch (PanelException.NotFound e) {
            return Optional.empty();
        }
    }

    /** Every allocation of a node, all pages. */
    public List<Node.NodeAllocation> allocations(int nodeId) {
        return allPages(requireApplication(), "/api/application/nodes/" + nodeId + "/allocations", item -> {
            JsonNode a = PanelJson.object(item, "attributes");
            return new Node.NodeAllocation((int) PanelJson.number(a, "id"), PanelJson.text(a, "ip"),
                    PanelJson.optionalText(a, "alias"), (int) PanelJson.number(a, "port"), PanelJson.flag(a, "assigned"));
        });
    }

    private Key requireApplication() {
        if (application == null) {
            throw new IllegalStateException("no application key (ptla_…) is configured for " + baseUrl);
        }
        return application;
    }

    private static String valid(String identifier) {
        if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalArgumentException("server: \"" + identifier + "\" is not a server identifier");
        }
        return identifier;
    }

    private <T> List<T> allPages(Key key, String path, Function<JsonNode, T> read) {
        List<T> all = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            JsonNode list = get(key, path + "?page=" + page + "&per_page=" + PAGE_SIZE);
            PanelJson.array(list, "data").forEach(item -> all.add(read.apply(item)));
            JsonNode pagination = PanelJson.object(PanelJson.object(list, "meta"), "pagination");
            if (page >= PanelJson.number(pagination, "total_pages")) {
                return all;
            }
        }
        throw new PanelException.BadResponse("the panel's list at " + path + " has more than " + MAX_PAGES + " pages");
    }

    private PanelServerInfo server(JsonNode item) {
        JsonNode a = PanelJson.object(item, "attributes");
        JsonNode limits = PanelJson.object(a, "limits");
        List<PanelServerInfo.Allocation> allocations = new ArrayList<>();
        JsonNode relationships = a.path("relationships").path("allocations").path("data");
        relationships.forEach(allocation -> {
            JsonNode x = PanelJson.object(allocation, "attributes");
            allocations.add(new PanelServerInfo.Allocation(PanelJson.text(x, "ip"), PanelJson.optionalText(x, "ip_alias"),
                    (int) PanelJson.number(x, "port"), PanelJson.flag(x, "is_default")));
        });
        return new PanelServerInfo(PanelJson.text(a, "identifier"), PanelJson.text(a, "uuid"),
                (int) PanelJson.optionalNumber(a, "internal_id"), PanelJson.text(a, "name"),
                PanelJson.optionalText(a, "node"),
                new PanelServerInfo.Limits(PanelJson.optionalNumber(limits, "memory"),
                        PanelJson.optionalNumber(limits, "swap"), PanelJson.optionalNumber(limits, "disk"),
                        PanelJson.optionalNumber(limits, "io"), PanelJson.optionalNumber(limits, "cpu")),
                List.copyOf(allocations), PanelJson.flag(a, "is_suspended"), PanelJson.flag(a, "is_installing"));
    }

    private static Node node(JsonNode item) {
        JsonNode a = PanelJson.object(item, "attributes");
        return new Node((int) PanelJson.number(a, "id"), PanelJson.text(a, "uuid"), PanelJson.text(a, "name"),
                PanelJson.text(a, "fqdn"), PanelJson.text(a, "scheme"), location(a), PanelJson.flag(a, "maintenance_mode"),
                PanelJson.optionalNumber(a, "memory"), PanelJson.optionalNumber(a, "disk"));
    }

    /** The included location's long name, or its short one, or null when the answer has none. */
    private static String location(JsonNode node) {
        JsonNode location = node.path("relationships").path("location").path("attributes");
        String name = PanelJson.optionalText(location, "long");
        return name == null || name.isBlank() ? PanelJson.optionalText(location, "short") : name;
    }

    private JsonNode get(Key key, String path) {
        return send(key, "GET", path, null, true);
    }

    /**
     * One call, with the budget, the timeout and the retries.
     *
     * @param idempotent whether a 5xx or a timeout may be retried
     * @return the JSON answer, or null for 204
     */
    private JsonNode send(Key key, String method, String path, JsonNode body, boolean idempotent) {
        for (int attempt = 0;; attempt++) {
            try {
                key.budget().acquire(settings.maxWait());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PanelException.Unavailable(0, "interrupted while waiting for " + baseUrl, e);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request(key, method, path, body), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (idempotent && attempt < settings.maxRetries()) {
                    pause(Backoff.delay(attempt, RETRY_BASE, RETRY_MAX));
                    continue;
                }
                throw new PanelException.Unavailable(0, "the panel at " + baseUrl + (e instanceof HttpTimeoutException
                        ? " did not answer within " + settings.requestTimeout().toMillis() + " ms"
                        : " cannot be reached (" + e.getClass().getSimpleName() + ")"), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PanelException.Unavailable(0, "interrupted while calling " + baseUrl, e);
            }
            int status = response.statusCode();
            if (status == 204) {
                return null;
            }
            if (status >= 200 && status < 300) {
                return json(response.body());
            }
            if (status == 429) {
                Duration retryAfter = retryAfter(response, attempt);
                key.budget().pauseUntil(clock.instant().plus(retryAfter));
                if (attempt >= settings.maxRetries() || retryAfter.compareTo(settings.maxWait()) > 0) {
                    throw new PanelException.RateLimited("the panel at " + baseUrl + " is rate limiting the "
                            + SecretBox.redact(key.secret()) + " key; retry after " + retryAfter.toSeconds() + " s",
                            retryAfter);
                }
                // the budget holds this and every other request of the key back until Retry-After passed
                continue;
            }
            if (status >= 500 && idempotent && attempt < settings.maxRetries()) {
                pause(Backoff.delay(attempt, RETRY_BASE, RETRY_MAX));
                continue;
            }
            throw failure(key, path, status, response.body());
        }
    }

    private HttpRequest request(Key key, String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(settings.requestTimeout()).header("Accept", ACCEPT)
                .header("Authorization", "Bearer " + key.secret());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return request.build();
    }

    /** The wait a 429 asks for: Retry-After in seconds or as an HTTP date, else the backoff, never less than 1 s. */
    private Duration retryAfter(HttpResponse<?> response, int attempt) {
        Duration backoff = Backoff.delay(attempt, Duration.ofSeconds(1), RETRY_MAX);
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return backoff;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Long.parseLong(header.get().trim()));
        } catch (NumberFormatException e) {
            try {
                asked = Duration.between(clock.instant(),
                        ZonedDateTime.parse(header.get().trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notDate) {
                return backoff;
            }
        }
        // from the second 429 on, back off further than the panel asked: it is still busy
        Duration wait = attempt == 0 ? asked : (asked.compareTo(backoff) > 0 ? asked : backoff);
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private PanelException failure(Key key, String path, int status, String body) {
        String detail = detail(body, key);
        String where = "the panel at " + baseUrl;
        return switch (status) {
            case 401 -> new PanelException.Unauthorized(where + " refused the key " + SecretBox.redact(key.secret())
                    + ": it is wrong or was revoked" + detail);
            case 403 -> new PanelException.Forbidden(where + " does not allow the key "
                    + SecretBox.redact(key.secret()) + " to do this" + detail);
            case 404 -> new PanelException.NotFound(where + " has nothing at " + path
                    + " that this key can see" + detail);
            default -> {
                if (status == 502 && path.endsWith("/command")) {
                    yield new PanelException.ServerOffline("the server is not running" + detail);
                }
                if (status >= 500) {
                    yield new PanelException.Unavailable(status, where + " failed with " + status + detail, null);
                }
                yield new PanelException.Rejected(status, where + " refused the request (" + status + ")" + detail);
            }
        };
    }

    /** The panel's own words ({@code errors[0].detail}, and the field of a 422), short and with the key redacted. */
    private String detail(String body, Key key) {
        try {
            JsonNode error = mapper.readTree(body).path("errors").path(0);
            String detail = error.path("detail").asText("");
            String field = error.path("meta").path("source_field").asText("");
            if (detail.isEmpty()) {
                return "";
            }
            String text = (field.isEmpty() ? "" : field + ": ") + detail;
            text = text.length() > 200 ? text.substring(0, 200) + "…" : text;
            return ": " + SecretBox.redactIn(text, key.secret());
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode json(String body) {
        try {
            return mapper.readTree(body);
        } catch (IOException e) {
            throw new PanelException.BadResponse("the panel at " + baseUrl + " answered something that is not JSON");
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PanelException.Unavailable(0, "interrupted while waiting to retry", e);
        }
    }
}
