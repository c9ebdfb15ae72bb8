package org.hotcog.ai.internal.provider;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotcog.api.secrets.SecretBox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One provider as configured: every value checked here, each error naming its field. The key appears in
 * {@link #toString()} only redacted.
 *
 * @param name the provider's name, chosen by the admin ({@code a-z}, digits, {@code -}, {@code _}; 1-32)
 * @param kind the wire format
 * @param baseUrl the service's root: OpenAI's ends in {@code /v1}, Gemini's in {@code /v1beta}, Ollama's is
 *     the server's root
 * @param apiKey the key (required for Gemini; may be empty for OpenAI-compatible servers without keys and for
 *     Ollama)
 * @param defaultModel the model used when a guild or channel chose none
 * @param extraHeaders headers added to every request (not those the client or the key set)
 * @param extraBody fields added to every chat request's JSON body ({@code temperature}, Ollama's {@code options},
 *     Gemini's {@code generationConfig}...), never one the request builds itself
 * @param timeout how long the provider may stay silent: before its first byte and between two chunks
 */
public record ProviderSettings(String name, ProviderKind kind, URI baseUrl, String apiKey, String defaultModel,
        Map<String, String> extraHeaders, ObjectNode extraBody, Duration timeout) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers the JDK client refuses or the provider layer sets itself (the key's among them). */
    private static final Set<String> RESERVED_HEADERS = Set.of("authorization", "x-goog-api-key", "content-type",
            "accept", "content-length", "host", "connection", "expect", "upgrade");
    /** Body fields each request builds; an extra one of these would change what the request means. */
    private static final Set<String> RESERVED_FIELDS = Set.of("model", "messages", "stream", "stream_options",
            "contents", "systemInstruction", "system_instruction");
    private static final Duration MIN_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);

    /** Checks every value; copies the maps. */
    public ProviderSettings {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name: '" + name + "' must be 1-32 of a-z, 0-9, - and _");
        }
        Objects.requireNonNull(kind, "kind");
        baseUrl = checkUrl(baseUrl);
        apiKey = apiKey == null ? "" : apiKey.trim();
        if (kind == ProviderKind.GEMINI && apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey: Gemini needs an API key");
        }
        if (apiKey.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("apiKey: contains spaces or characters a header cannot carry");
        }
        if (defaultModel == null || defaultModel.isBlank() || defaultModel.length() > 200) {
            throw new IllegalArgumentException("defaultModel: must be a model name of 1-200 characters");
        }
        defaultModel = defaultModel.trim();
        Map<String, String> headers = new LinkedHashMap<>();
        (extraHeaders == null ? Map.<String, String>of() : extraHeaders).forEach((header, value) -> {
            if (!HEADER_NAME.matcher(header).matches() || RESERVED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("extraHeaders: '" + header + "' is not a header that can be added");
            }
            if (value == null || value.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new IllegalArgumentException("extraHeaders: the value of '" + header + "' must be one line");
            }
            headers.put(header, value);
        });
        extraHeaders = Map.copyOf(headers);
        extraBody = extraBody == null ? new ObjectMapper().createObjectNode() : extraBody.deepCopy();
        extraBody.fieldNames().forEachRemaining(field -> {
            if (RESERVED_FIELDS.contains(field)) {
                throw new IllegalArgumentException("extraBody: '" + field + "' is set by each request itself");
            }
        });
        if (timeout == null || timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout: must be between 1 second and 10 minutes");
        }
    }

    private static URI checkUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("baseUrl: '" + url + "' must be an absolute http or https URL");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("baseUrl: must not carry a query, fragment or credentials");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        try {
            // one form for all: without the trailing slash, so that routes are appended as "/route"
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(),
                    path.endsWith("/") ? path.substring(0, path.length() - 1) : path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl: " + e.getMessage());
        }
    }

    /**
     * Parses the header lines of a configuration.
     *
     * @param lines {@code Name: value} lines; blank lines are skipped
     * @return the headers in order
     * @throws IllegalArgumentException naming {@code extraHeaders} for a line without a colon
     */
    public static Map<String, String> parseHeaders(String[] lines) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : lines == null ? new String[0] : lines) {
            if (line == null || line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("extraHeaders: '" + line + "' is not 'Name: value'");
            }
            headers.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return headers;
    }

    /**
     * Parses the extra body of a configuration.
     *
     * @param json a JSON object, or blank for none
     * @return the object
     * @throws IllegalArgumentException naming {@code extraBody} for anything but a JSON object
     */
    public static ObjectNode parseBody(String json) {
        ObjectMapper mapper = new ObjectMapper();
        if (json == null || json.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("extraBody: not valid JSON (" + e.getOriginalMessage() + ")");
        }
        throw new IllegalArgumentException("extraBody: must be a JSON object");
    }

    /** The URL of a route below the base URL. */
    URI resolve(String route) {
        return URI.create(baseUrl + route);
    }

    /** The extra body, as a copy the caller may change. */
    @Override
    public ObjectNode extraBody() {
        return extraBody.deepCopy();
    }

    /** Everything but the key, which shows redacted as everywhere ({@link SecretBox#redact}). */
    @Override
    public String toString() {
        return "ProviderSettings[name=" + name + ", kind=" + kind.configName() + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey.isEmpty() ? "(none)" : SecretBox.redact(apiKey)) + ", defaultModel="
                + defaultModel + ", extraHeaders=" + extraHeaders.keySet() + ", extraBody=" + extraBody + ", timeout="
                + timeout + "]";
    }
}
