package org.hotcog.ai.internal.provider;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcog.ai.internal.conversation.Image;
import org.hotcog.ai.internal.conversation.Role;
import org.hotcog.ai.internal.conversation.Turn;

/** What differs between the formats: the requests, the stream, the model list and the error answers. */
abstract class WireProtocol {

    /** When a 429 says nothing of when to try again. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

    /** Writes the request bodies. */
    protected final ObjectMapper mapper = new ObjectMapper();
    private final String modelsRoute;
    private final String listField;
    private final String nameField;

    /**
     * @param modelsRoute the route of the model list
     * @param listField the list answer's field that holds the models
     * @param nameField each model's field that holds its name
     */
    WireProtocol(String modelsRoute, String listField, String nameField) {
        this.modelsRoute = modelsRoute;
        this.listField = listField;
        this.nameField = nameField;
    }

    /**
     * @param settings the provider
     * @param request what is asked
     * @return the streaming chat request, without its timeout
     */
    abstract HttpRequest.Builder chat(ProviderSettings settings, ChatRequest request);

    /** @return a decoder for one answer */
    abstract StreamDecoder decoder();

    /**
     * The model list request; unless a format says otherwise, one GET with the key as a bearer token.
     *
     * @param settings the provider
     * @param pageToken the page to ask for, or null for the first
     * @return the model list request, without its timeout
     */
    HttpRequest.Builder models(ProviderSettings settings, String pageToken) {
        return bearer(settings, get(settings, modelsRoute));
    }

    /**
     * Reads a model list; unless a format says otherwise, one page.
     *
     * @param body the model list answer
     * @return its models and the next page's token
     * @throws ChunkException if the answer is not a model list
     */
    ModelPage parseModels(JsonNode body) throws ChunkException {
        JsonNode models = body.path(listField);
        if (!models.isArray()) {
            throw ChunkException.malformed("a model list without " + listField);
        }
        List<String> names = new ArrayList<>();
        models.forEach(model -> names.add(model.path(nameField).asText()));
        return new ModelPage(names, null);
    }

    /**
     * @param status the HTTP status (not 2xx)
     * @param headers the answer's headers
     * @param body the answer's body
     * @return what the answer means
     */
    abstract ProviderException error(int status, HttpHeaders headers, String body);

    /**
     * A page of a model list.
     *
     * @param names the models' names, as a chat request takes them
     * @param nextPageToken the next page's token, or null on the last page
     */
    record ModelPage(List<String> names, String nextPageToken) {
    }

    /**
     * The body of the formats that send a list of {@code messages} with roles {@code system}, {@code user} and
     * {@code assistant} (OpenAI, Ollama).
     *
     * @param request what is asked
     * @param content writes a turn's content into its message, in the format's way
     * @return the body with {@code model}, {@code messages} and {@code "stream": true}
     */
    final ObjectNode messagesBody(ChatRequest request, BiConsumer<Turn, ObjectNode> content) {
        ObjectNode body = mapper.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        if (request.systemPrompt() != null) {
            messages.addObject().put("role", "system").put("content", request.systemPrompt());
        }
        for (Turn turn : request.turns()) {
            ObjectNode message = messages.addObject();
            message.put("role", turn.role() == Role.USER ? "user" : "assistant");
            content.accept(turn, message);
        }
        body.put("stream", true);
        return body;
    }

    /** A POST of a JSON body with the settings' extra headers and fields (the request's own fields win). */
    final HttpRequest.Builder post(ProviderSettings settings, String route, ObjectNode body, String accept) {
        ObjectNode merged = settings.extraBody();
        merged.setAll(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.resolve(route))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString(merged.toString(), StandardCharsets.UTF_8));
        settings.extraHeaders().forEach(builder::header);
        return builder;
    }

    /** A GET with the settings' extra headers. */
    final HttpRequest.Builder get(ProviderSettings settings, String route) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(settings.resolve(route)).header("Accept",
                "application/json").GET();
        settings.extraHeaders().forEach(builder::header);
        return builder;
    }

    /** The key as a bearer token, if there is one (servers without keys take none). */
    static HttpRequest.Builder bearer(ProviderSettings settings, HttpRequest.Builder builder) {
        return settings.apiKey().isEmpty() ? builder : builder.header("Authorization", "Bearer " + settings.apiKey());
    }

    static String base64(Image image) {
        return Base64.getEncoder().encodeToString(image.data());
    }

    /** The body parsed, or a missing node when it is not JSON (a proxy's HTML page, an empty body). */
    final JsonNode tryParse(String body) {
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.missingNode() : node;
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    /**
     * The meaning of an error status, the same for every format; a format adds only what its body says.
     *
     * @param status the HTTP status
     * @param message what the provider said
     * @param retryAfter when to try again (429), or null
     * @return the failure
     */
    static ProviderException failure(int status, String message, Duration retryAfter) {
        ProviderException.Kind kind;
        if (status == 401 || status == 403) {
            kind = ProviderException.Kind.UNAUTHORIZED;
        } else if (status == 429) {
            kind = ProviderException.Kind.RATE_LIMITED;
        } else if (status == 408 || status == 504) {
            kind = ProviderException.Kind.TIMEOUT;
        } else if (status >= 500) {
            kind = ProviderException.Kind.SERVER_ERROR;
        } else {
            kind = ProviderException.Kind.REFUSED;
        }
        String text = message == null || message.isBlank() ? "HTTP " + status : message;
        return new ProviderException(kind, status, text, kind == ProviderException.Kind.RATE_LIMITED ? retryAfter : null,
                "", null);
    }

    /**
     * The {@code Retry-After} header: whole seconds, or an HTTP date.
     *
     * @param headers the answer's headers
     * @return the delay, if the header is there and readable
     */
    static Optional<Duration> retryAfter(HttpHeaders headers) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::trim);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.get()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
