package org.hotcog.emulator.internal.ai;

import java.time.Instant;
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
 * Ollama's {@code /api/chat}: messages with {@code images} as bare base64, streaming unless {@code "stream": false},
 * one JSON object per line ending with {@code "done": true} and the counts and durations, {@code /api/tags}, and
 * {@code {"error": "..."}} errors. Ollama itself has no keys.
 */
final class OllamaDialect extends Dialect {

    /** Nanoseconds the local model pretends each prompt and each completion token took. */
    private static final long NANOS_PER_TOKEN = 2_000_000L;
    private static final String MODIFIED_AT = "2026-01-01T00:00:00Z";

    OllamaDialect(ObjectMapper mapper) {
        super(mapper, WireFormat.OLLAMA, "application/x-ndjson");
    }

    @Override
    Problem checkKey(Headers headers, Map<String, String> query, String key) {
        return null;
    }

    @Override
    Call parse(JsonNode body, String pathModel, boolean streamRoute) {
        String model = body.path("model").asText("");
        if (model.isEmpty()) {
            throw new IllegalArgumentException("model is required");
        }
        StringBuilder system = new StringBuilder();
        List<AiTurn> turns = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            String role = message.path("role").asText("");
            String text = message.path("content").asText("");
            List<AiImage> images = new ArrayList<>();
            for (JsonNode image : message.path("images")) {
                try {
                    byte[] data = Base64.getDecoder().decode(image.asText(""));
                    images.add(new AiImage(ImageTypes.sniff(data), data));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("illegal base64 data in images");
                }
            }
            switch (role) {
                case "system" -> system.append(system.length() == 0 ? "" : "\n").append(text);
                case "user", "assistant" -> turns.add(new AiTurn(role, text, images));
                default -> throw new IllegalArgumentException("invalid role: " + role);
            }
        }
        return new Call(model, system.length() == 0 ? null : system.toString(), turns,
                body.path("stream").asBoolean(true), false, body.path("options").path("num_predict").asInt(0));
    }

    @Override
    ErrorAnswer error(Problem problem) {
        return switch (problem.type()) {
            case MISSING_KEY, BAD_KEY -> error(401, "unauthorized", Map.of());
            case RATE_LIMITED -> error(429, "too many requests, retry in " + problem.detail() + "s",
                    Map.of("Retry-After", problem.detail()));
            case SERVER_ERROR -> error(problem.status(), problem.status() == 503
                    ? "server busy, please try again.  maximum pending requests exceeded"
                    : "an error was encountered while running the model", Map.of());
            case MODEL_NOT_FOUND -> error(404, "model \"" + problem.detail() + "\" not found, try pulling it first",
                    Map.of());
            case IMAGES_REFUSED -> error(400, "this model does not support image input", Map.of());
            case BAD_REQUEST -> error(400, problem.detail(), Map.of());
        };
    }

    private ErrorAnswer error(int status, String message, Map<String, String> headers) {
        return new ErrorAnswer(status, headers, mapper.createObjectNode().put("error", message));
    }

    @Override
    JsonNode models(Map<String, Boolean> models, Map<String, String> query) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode list = root.putArray("models");
        models.forEach((name, images) -> {
            ObjectNode model = list.addObject();
            model.put("name", name).put("model", name).put("modified_at", MODIFIED_AT).put("size", 1_000_000_000L)
                    .put("digest", Integer.toHexString(name.hashCode()) + "0".repeat(56));
            ObjectNode details = model.putObject("details");
            details.put("parent_model", "").put("format", "gguf").put("family", images ? "mllama" : "llama");
            details.putArray("families").add(images ? "mllama" : "llama");
            details.put("parameter_size", "1B").put("quantization_level", "Q4_K_M");
        });
        return root;
    }

    @Override
    List<String> payloads(Call call, Answer answer) {
        List<String> payloads = new ArrayList<>();
        for (String token : answer.tokens()) {
            payloads.add(message(call, token).put("done", false).toString());
        }
        payloads.add(done(call, answer, "").toString());
        return payloads;
    }

    private ObjectNode message(Call call, String content) {
        ObjectNode line = mapper.createObjectNode();
        line.put("model", call.model());
        line.put("created_at", Instant.now().toString());
        line.putObject("message").put("role", "assistant").put("content", content);
        return line;
    }

    private ObjectNode done(Call call, Answer answer, String content) {
        ObjectNode line = message(call, content);
        long promptNanos = answer.promptTokens() * NANOS_PER_TOKEN;
        long evalNanos = answer.completionTokens() * NANOS_PER_TOKEN;
        line.put("done", true);
        line.put("done_reason", answer.truncated() ? "length" : "stop");
        line.put("total_duration", promptNanos + evalNanos + 1_000_000L);
        line.put("load_duration", 1_000_000L);
        line.put("prompt_eval_count", answer.promptTokens());
        line.put("prompt_eval_duration", promptNanos);
        line.put("eval_count", answer.completionTokens());
        line.put("eval_duration", evalNanos);
        return line;
    }

    @Override
    String frame(String payload) {
        return payload + "\n";
    }

    @Override
    JsonNode whole(Call call, Answer answer) {
        return done(call, answer, answer.text());
    }
}
