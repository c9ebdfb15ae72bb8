package org.hotcog.emulator.internal.ai;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;

import org.hotcog.emulator.ai.AiImage;
import org.hotcog.emulator.ai.AiTurn;
import org.hotcog.emulator.ai.WireFormat;

/**
 * Gemini's {@code generateContent} and {@code streamGenerateContent}: {@code contents} of {@code user} and
 * {@code model} turns with {@code text} and {@code inlineData} parts, {@code systemInstruction}, the key in
 * {@code x-goog-api-key} or {@code ?key=}, SSE {@code data:} events each a whole response (no end marker: the last
 * one has {@code finishReason}), {@code usageMetadata}, paged model lists, and Google's
 * {@code {"error":{"code","message","status"}}}. Field names are accepted in lowerCamel and snake_case, as
 * Google's JSON mapping does.
 */
final class GeminiDialect extends Dialect {

    private static final int DEFAULT_PAGE_SIZE = 50;

    GeminiDialect(ObjectMapper mapper) {
        super(mapper, WireFormat.GEMINI, "text/event-stream");
    }

    @Override
    Problem checkKey(Headers headers, Map<String, String> query, String key) {
        String given = headers.getFirst("x-goog-api-key");
        if (given == null) {
            given = query.get("key");
        }
        if (given == null || given.isEmpty()) {
            return Problem.of(Problem.Type.MISSING_KEY, null);
        }
        return given.equals(key) ? null : Problem.of(Problem.Type.BAD_KEY, given);
    }

    private static JsonNode field(JsonNode node, String camel, String snake) {
        JsonNode value = node.get(camel);
        return value != null ? value : node.path(snake);
    }

    @Override
    Call parse(JsonNode body, String pathModel, boolean streamRoute) {
        JsonNode contents = body.path("contents");
        if (!contents.isArray() || contents.isEmpty()) {
            throw new IllegalArgumentException("* GenerateContentRequest.contents: contents is not specified");
        }
        List<AiTurn> turns = new ArrayList<>();
        for (JsonNode content : contents) {
            String role = content.path("role").asText("user");
            if (!role.equals("user") && !role.equals("model")) {
                throw new IllegalArgumentException("Please use a valid role: user, model.");
            }
            StringBuilder text = new StringBuilder();
            List<AiImage> images = new ArrayList<>();
            for (JsonNode part : content.path("parts")) {
                JsonNode inline = field(part, "inlineData", "inline_data");
                if (part.has("text")) {
                    text.append(part.get("text").asText());
                } else if (!inline.isMissingNode()) {
                    try {
                        images.add(new AiImage(field(inline, "mimeType", "mime_type").asText(""),
                                Base64.getDecoder().decode(inline.path("data").asText(""))));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "Invalid value at 'contents[].parts[].inline_data.data' (TYPE_BYTES), Base64 decoding failed");
                    }
                }
            }
            turns.add(new AiTurn(role.equals("model") ? "assistant" : "user", text.toString(), images));
        }
        StringBuilder system = new StringBuilder();
        for (JsonNode part : field(body, "systemInstruction", "system_instruction").path("parts")) {
            system.append(part.path("text").asText(""));
        }
        int maxTokens = field(field(body, "generationConfig", "generation_config"), "maxOutputTokens",
                "max_output_tokens").asInt(0);
        return new Call(pathModel, system.length() == 0 ? null : system.toString(), turns, streamRoute, false,
                maxTokens);
    }

    @Override
    ErrorAnswer error(Problem problem) {
        return switch (problem.type()) {
            case MISSING_KEY -> error(403, "Method doesn't allow unregistered callers (callers without established "
                    + "identity). Please use API Key or other form of API consumer identity to call this API.",
                    "PERMISSION_DENIED", null);
            case BAD_KEY -> {
                ErrorAnswer answer = error(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT",
                        null);
                ObjectNode info = ((ObjectNode) answer.body().get("error")).putArray("details").addObject();
                info.put("@type", "type.googleapis.com/google.rpc.ErrorInfo");
                info.put("reason", "API_KEY_INVALID");
                info.put("domain", "googleapis.com");
                info.putObject("metadata").put("service", "generativelanguage.googleapis.com");
                yield answer;
            }
            case RATE_LIMITED -> {
                // Google sends no Retry-After header; the delay is in the RetryInfo detail
                ErrorAnswer answer = error(429, "You exceeded your current quota, please check your plan and "
                        + "billing details.", "RESOURCE_EXHAUSTED", null);
                ((ObjectNode) answer.body().get("error")).putArray("details").addObject()
                        .put("@type", "type.googleapis.com/google.rpc.RetryInfo")
                        .put("retryDelay", problem.detail() + "s");
                yield answer;
            }
            case SERVER_ERROR -> switch (problem.status()) {
                case 503 -> error(503, "The model is overloaded. Please try again later.", "UNAVAILABLE", null);
                case 504 -> error(504, "Deadline expired before operation could complete.", "DEADLINE_EXCEEDED", null);
                default -> error(problem.status(), "An internal error has occurred. Please retry or report in "
                        + "https://developers.generativeai.google/guide/troubleshooting", "INTERNAL", null);
            };
            case MODEL_NOT_FOUND -> error(404, "models/" + problem.detail() + " is not found for API version v1beta, "
                    + "or is not supported for generateContent. Call ListModels to see the list of available models "
                    + "and their supported methods.", "NOT_FOUND", null);
            case IMAGES_REFUSED -> error(400, "Image input modality is not enabled for models/" + problem.detail(),
                    "INVALID_ARGUMENT", null);
            case BAD_REQUEST -> error(400, problem.detail(), "INVALID_ARGUMENT", null);
        };
    }

    private ErrorAnswer error(int status, String message, String statusName, Map<String, String> headers) {
        ObjectNode root = mapper.createObjectNode();
        root.putObject("error").put("code", status).put("message", message).put("status", statusName);
        return new ErrorAnswer(status, headers == null ? Map.of() : headers, root);
    }

    @Override
    JsonNode models(Map<String, Boolean> models, Map<String, String> query) {
        int pageSize = DEFAULT_PAGE_SIZE;
        int from = 0;
        try {
            pageSize = query.containsKey("pageSize") ? Math.max(1, Integer.parseInt(query.get("pageSize"))) : pageSize;
            from = query.containsKey("pageToken") ? Integer.parseInt(query.get("pageToken")) : 0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid pageSize or pageToken");
        }
        List<Map.Entry<String, Boolean>> entries = new ArrayList<>(models.entrySet());
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("models");
        for (int i = from; i < Math.min(entries.size(), from + pageSize); i++) {
            String name = entries.get(i).getKey();
            ObjectNode model = list.addObject();
            model.put("name", "models/" + name).put("version", "001").put("displayName", name)
                    .put("description", "A local model for tests and the offline demo.")
                    .put("inputTokenLimit", 32_768).put("outputTokenLimit", 8_192);
            model.putArray("supportedGenerationMethods").add("generateContent").add("countTokens");
            model.put("temperature", 1.0).put("topP", 0.95).put("topK", 40);
        }
        if (from + pageSize < entries.size()) {
            root.put("nextPageToken", Integer.toString(from + pageSize));
        }
        return root;
    }

    @Override
    List<String> payloads(Call call, Answer answer) {
        List<String> tokens = answer.tokens().isEmpty() ? List.of("") : answer.tokens();
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            payloads.add(response(call, answer, tokens.get(i), i == tokens.size() - 1).toString());
        }
        return payloads;
    }

    private ObjectNode response(Call call, Answer answer, String text, boolean last) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        if (last) {
            candidate.put("finishReason", answer.truncated() ? "MAX_TOKENS" : "STOP");
        }
        candidate.put("index", 0);
        ObjectNode usage = root.putObject("usageMetadata");
        usage.put("promptTokenCount", answer.promptTokens());
        if (last) {
            usage.put("candidatesTokenCount", answer.completionTokens());
        }
        usage.put("totalTokenCount", answer.promptTokens() + (last ? answer.completionTokens() : 0));
        root.put("modelVersion", call.model());
        root.put("responseId", answer.id());
        return root;
    }

    @Override
    String frame(String payload) {
        return "data: " + payload + "\r\n\r\n";
    }

    @Override
    JsonNode whole(Call call, Answer answer) {
        return response(call, answer, answer.text(), true);
    }
}
