package org.hotcog.ai.internal.provider;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcog.ai.internal.conversation.Image;
import org.hotcog.ai.internal.conversation.Role;
import org.hotcog.ai.internal.conversation.Turn;

/**
 * Gemini: {@code POST {base}/models/{model}:streamGenerateContent?alt=sse} with {@code contents} of {@code user}
 * and {@code model} turns, {@code inlineData} images and {@code systemInstruction}; the key in
 * {@code x-goog-api-key} (never in the URL, which could end up in a log); SSE events each a whole response, with no
 * end marker (the answer is complete when a {@code finishReason} came); {@code GET {base}/models} in pages; errors
 * {@code {"error":{"code","message","status","details"}}}, a bad key being a 400 with {@code API_KEY_INVALID} and a
 * 429's delay a {@code RetryInfo} detail.
 */
final class GeminiProtocol extends WireProtocol {

    GeminiProtocol() {
        super("/models", "models", "name");
    }

    private static final String MODELS_PREFIX = "models/";

    @Override
    HttpRequest.Builder chat(ProviderSettings settings, ChatRequest request) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode contents = body.putArray("contents");
        for (Turn turn : request.turns()) {
            ObjectNode content = contents.addObject();
            content.put("role", turn.role() == Role.USER ? "user" : "model");
            ArrayNode parts = content.putArray("parts");
            if (!turn.text().isEmpty()) {
                parts.addObject().put("text", turn.text());
            }
            for (Image image : turn.images()) {
                parts.addObject().putObject("inlineData").put("mimeType", image.mimeType()).put("data", base64(image));
            }
        }
        if (request.systemPrompt() != null) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.systemPrompt());
        }
        String model = request.model().startsWith(MODELS_PREFIX)
                ? request.model().substring(MODELS_PREFIX.length()) : request.model();
        String route = "/models/" + URLEncoder.encode(model, StandardCharsets.UTF_8).replace("+", "%20")
                + ":streamGenerateContent?alt=sse";
        return post(settings, route, body, "text/event-stream").header("x-goog-api-key", settings.apiKey());
    }

    @Override
    StreamDecoder decoder() {
        return new SseDecoder() {
            @Override
            void event(String event, StreamSink sink) throws ChunkException {
                JsonNode response = parse(event);
                if (response.has("error")) {
                    throw new ChunkException(ProviderException.Kind.SERVER_ERROR,
                            response.path("error").path("message").asText("error in the stream"));
                }
                JsonNode blocked = response.path("promptFeedback").path("blockReason");
                if (blocked.isTextual()) {
                    finishReason(blocked.asText());
                }
                JsonNode candidates = response.path("candidates");
                if (!candidates.isMissingNode() && !candidates.isArray()) {
                    throw ChunkException.malformed("candidates is not a list");
                }
                if (candidates.isArray() && !candidates.isEmpty()) {
                    JsonNode candidate = candidates.get(0);
                    for (JsonNode part : candidate.path("content").path("parts")) {
                        // thinking models can send their thoughts as parts: they are not the answer
                        if (!part.path("thought").asBoolean(false)) {
                            append(part.path("text").asText(""), sink);
                        }
                    }
                    if (candidate.path("finishReason").isTextual()) {
                        finishReason(candidate.path("finishReason").asText());
                    }
                }
                JsonNode usage = response.path("usageMetadata");
                if (usage.isObject()) {
                    int completion = count(usage.path("candidatesTokenCount"));
                    int thoughts = count(usage.path("thoughtsTokenCount"));
                    // thoughts are billed as output tokens
                    usage(new Usage(count(usage.path("promptTokenCount")),
                            completion < 0 ? -1 : completion + Math.max(0, thoughts)));
                }
            }

            @Override
            boolean complete() {
                return finishReason() != null;
            }
        };
    }

    @Override
    HttpRequest.Builder models(ProviderSettings settings, String pageToken) {
        String query = "?pageSize=1000" + (pageToken == null ? ""
                : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
        return get(settings, "/models" + query).header("x-goog-api-key", settings.apiKey());
    }

    @Override
    ModelPage parseModels(JsonNode body) throws ChunkException {
        JsonNode models = body.path("models");
        if (!models.isArray() && !models.isMissingNode()) {
            throw ChunkException.malformed("a model list without models");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode model : models) {
            JsonNode methods = model.path("supportedGenerationMethods");
            boolean chats = !methods.isArray();
            for (JsonNode method : methods) {
                chats |= method.asText().equals("generateContent");
            }
            String name = model.path("name").asText();
            if (chats) {
                names.add(name.startsWith(MODELS_PREFIX) ? name.substring(MODELS_PREFIX.length()) : name);
            }
        }
        JsonNode next = body.path("nextPageToken");
        return new ModelPage(names, next.isTextual() && !next.asText().isEmpty() ? next.asText() : null);
    }

    @Override
    ProviderException error(int status, HttpHeaders headers, String body) {
        JsonNode error = tryParse(body).path("error");
        Duration retryAfter = retryAfter(headers).orElse(null);
        boolean badKey = false;
        for (JsonNode detail : error.path("details")) {
            badKey |= "API_KEY_INVALID".equals(detail.path("reason").asText());
            if (detail.path("retryDelay").isTextual()) {
                retryAfter = delay(detail.path("retryDelay").asText());
            }
        }
        String message = error.path("message").asText(null);
        if (badKey) {
            // Google answers a bad key with 400 INVALID_ARGUMENT: it is a refused key all the same
            return new ProviderException(ProviderException.Kind.UNAUTHORIZED, status, message, null, "", null);
        }
        return failure(status, message, retryAfter == null ? DEFAULT_RETRY_AFTER : retryAfter);
    }

    /** A protobuf Duration in JSON: seconds with up to nine decimals and an {@code s}, e.g. {@code 1.5s}. */
    private static Duration delay(String value) {
        try {
            BigDecimal seconds = new BigDecimal(value.endsWith("s") ? value.substring(0, value.length() - 1) : value);
            return Duration.ofMillis(Math.max(0, seconds.movePointRight(3).longValue()));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
