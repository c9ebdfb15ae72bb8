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
 * OpenAI's chat completions: messages with string or part-array content ({@code text}, {@code image_url} as a
 * data URL), bearer keys, {@code chat.completion.chunk} events over SSE ending in {@code [DONE]}, the usage chunk
 * with empty {@code choices} when {@code stream_options.include_usage} is set, and
 * {@code {"error":{"message","type","param","code"}}} errors.
 */
final class OpenAiDialect extends Dialect {

    /** A fixed creation time for the model list, as OpenAI reports one per model. */
    private static final long MODELS_CREATED = 1_700_000_000L;

    OpenAiDialect(ObjectMapper mapper) {
        super(mapper, WireFormat.OPENAI, "text/event-stream");
    }

    @Override
    Problem checkKey(Headers headers, Map<String, String> query, String key) {
        String authorization = headers.getFirst("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Problem.of(Problem.Type.MISSING_KEY, null);
        }
        String given = authorization.substring(7).trim();
        return given.equals(key) ? null : Problem.of(Problem.Type.BAD_KEY, given);
    }

    @Override
    Call parse(JsonNode body, String pathModel, boolean streamRoute) {
        String model = body.path("model").asText("");
        if (model.isEmpty()) {
            throw new IllegalArgumentException("you must provide a model parameter");
        }
        JsonNode messages = body.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("[] is too short - 'messages'");
        }
        StringBuilder system = new StringBuilder();
        List<AiTurn> turns = new ArrayList<>();
        for (JsonNode message : messages) {
            String role = message.path("role").asText("");
            StringBuilder text = new StringBuilder();
            List<AiImage> images = new ArrayList<>();
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            } else if (content.isArray()) {
                for (JsonNode part : content) {
                    switch (part.path("type").asText("")) {
                        case "text" -> text.append(part.path("text").asText(""));
                        case "image_url" -> images.add(dataUrl(part.path("image_url").path("url").asText("")));
                        default -> throw new IllegalArgumentException(
                                "Invalid value: '" + part.path("type").asText("") + "'. Supported values are: 'text' and 'image_url'.");
                    }
                }
            }
            switch (role) {
                case "system", "developer" -> system.append(system.length() == 0 ? "" : "\n").append(text);
                case "user", "assistant" -> turns.add(new AiTurn(role, text.toString(), images));
                default -> throw new IllegalArgumentException("Invalid value: '" + role
                        + "'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.");
            }
        }
        int maxTokens = body.path("max_completion_tokens").asInt(body.path("max_tokens").asInt(0));
        return new Call(model, system.length() == 0 ? null : system.toString(), turns,
                body.path("stream").asBoolean(false), body.path("stream_options").path("include_usage").asBoolean(false),
                maxTokens);
    }

    private static AiImage dataUrl(String url) {
        // data:image/png;base64,....; the local provider is offline and cannot fetch http(s) images
        int comma = url.indexOf(',');
        if (!url.startsWith("data:") || comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            throw new IllegalArgumentException("Invalid image URL: only base64 data URLs are accepted here");
        }
        String mime = url.substring(5, url.indexOf(';'));
        try {
            return new AiImage(mime, Base64.getDecoder().decode(url.substring(comma + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid base64 image data");
        }
    }

    @Override
    ErrorAnswer error(Problem problem) {
        return switch (problem.type()) {
            case MISSING_KEY -> error(401, "You didn't provide an API key. You need to provide your API key in an "
                    + "Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                    "invalid_request_error", null, Map.of());
            case BAD_KEY -> error(401, "Incorrect API key provided: " + masked(problem.detail())
                    + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                    "invalid_request_error", "invalid_api_key", Map.of());
            case RATE_LIMITED -> error(429, "Rate limit reached for requests. Please try again in "
                    + problem.detail() + "s.", "requests", "rate_limit_exceeded",
                    Map.of("Retry-After", problem.detail(), "x-ratelimit-remaining-requests", "0",
                            "x-ratelimit-reset-requests", problem.detail() + "s"));
            case SERVER_ERROR -> error(problem.status(), problem.status() == 503
                    ? "The engine is currently overloaded, please try again later."
                    : "The server had an error while processing your request. Sorry about that!",
                    "server_error", null, Map.of());
            case MODEL_NOT_FOUND -> error(404, "The model `" + problem.detail()
                    + "` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found",
                    Map.of());
            case IMAGES_REFUSED -> error(400, "Invalid content type. image_url is only supported by certain models.",
                    "invalid_request_error", null, Map.of());
            case BAD_REQUEST -> error(400, problem.detail(), "invalid_request_error", null, Map.of());
        };
    }

    /** OpenAI shows a refused key's first and last characters only. */
    private static String masked(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 3) + "*".repeat(key.length() - 7)
                + key.substring(key.length() - 4);
    }

    private ErrorAnswer error(int status, String message, String type, String code, Map<String, String> headers) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        error.put("code", code);
        return new ErrorAnswer(status, headers, root);
    }

    @Override
    JsonNode models(Map<String, Boolean> models, Map<String, String> query) {
        ObjectNode root = mapper.createObjectNode();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        models.keySet().forEach(name -> data.addObject().put("id", name).put("object", "model")
                .put("created", MODELS_CREATED).put("owned_by", "hotcog"));
        return root;
    }

    @Override
    List<String> payloads(Call call, Answer answer) {
        long created = System.currentTimeMillis() / 1000;
        List<String> payloads = new ArrayList<>();
        ObjectNode first = mapper.createObjectNode();
        first.put("role", "assistant").put("content", "");
        payloads.add(chunk(call, answer, created, first, null).toString());
        for (String token : answer.tokens()) {
            payloads.add(chunk(call, answer, created, mapper.createObjectNode().put("content", token), null).toString());
        }
        payloads.add(chunk(call, answer, created, mapper.createObjectNode(), finishReason(answer)).toString());
        if (call.includeUsage()) {
            ObjectNode last = chunkHead(call, answer, created);
            last.putArray("choices");
            last.set("usage", usage(answer));
            payloads.add(last.toString());
        }
        payloads.add("[DONE]");
        return payloads;
    }

    private ObjectNode chunk(Call call, Answer answer, long created, ObjectNode delta, String finishReason) {
        ObjectNode chunk = chunkHead(call, answer, created);
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason);
        if (call.includeUsage()) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private ObjectNode chunkHead(Call call, Answer answer, long created) {
        ObjectNode chunk = mapper.createObjectNode();
        chunk.put("id", answer.id());
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", call.model());
        chunk.put("system_fingerprint", "fp_hotcog");
        return chunk;
    }

    private static String finishReason(Answer answer) {
        return answer.truncated() ? "length" : "stop";
    }

    private ObjectNode usage(Answer answer) {
        return mapper.createObjectNode().put("prompt_tokens", answer.promptTokens())
                .put("completion_tokens", answer.completionTokens())
                .put("total_tokens", answer.promptTokens() + answer.completionTokens());
    }

    @Override
    String frame(String payload) {
        return "data: " + payload + "\n\n";
    }

    @Override
    JsonNode whole(Call call, Answer answer) {
        ObjectNode root = mapper.createObjectNode();
        root.put("id", answer.id());
        root.put("object", "chat.completion");
        root.put("created", System.currentTimeMillis() / 1000);
        root.put("model", call.model());
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer.text()).putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(answer));
        root.set("usage", usage(answer));
        root.put("system_fingerprint", "fp_hotcog");
        return root;
    }
}
