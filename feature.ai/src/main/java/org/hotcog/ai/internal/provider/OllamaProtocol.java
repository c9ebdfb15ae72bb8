package org.hotcog.ai.internal.provider;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcog.ai.internal.conversation.Image;

/**
 * Ollama: {@code POST {base}/api/chat} streaming NDJSON ({@code message.content} per line, last line
 * {@code "done": true} with {@code done_reason}, {@code prompt_eval_count}, {@code eval_count}), images as bare
 * base64; {@code GET {base}/api/tags}; errors {@code {"error": "..."}}, also as a line of the stream. Ollama has no
 * keys; a key, if set, goes as a bearer token for a proxy in front of it.
 */
final class OllamaProtocol extends WireProtocol {

    OllamaProtocol() {
        super("/api/tags", "models", "name");
    }

    @Override
    HttpRequest.Builder chat(ProviderSettings settings, ChatRequest request) {
        ObjectNode body = messagesBody(request, (turn, message) -> {
            message.put("content", turn.text());
            if (!turn.images().isEmpty()) {
                ArrayNode images = message.putArray("images");
                for (Image image : turn.images()) {
                    images.add(base64(image));
                }
            }
        });
        return bearer(settings, post(settings, "/api/chat", body, "application/x-ndjson"));
    }

    @Override
    StreamDecoder decoder() {
        return new StreamDecoder() {
            @Override
            void line(String line, StreamSink sink) throws ChunkException {
                if (line.isBlank()) {
                    return;
                }
                JsonNode chunk = parse(line);
                if (chunk.has("error")) {
                    throw new ChunkException(ProviderException.Kind.SERVER_ERROR, chunk.path("error").asText());
                }
                if (!chunk.path("done").isBoolean()) {
                    throw ChunkException.malformed("a line without done");
                }
                append(chunk.path("message").path("content").asText(""), sink);
                if (chunk.path("done").asBoolean()) {
                    markDone();
                    finishReason(chunk.path("done_reason").asText("stop"));
                    usage(new Usage(count(chunk.path("prompt_eval_count")), count(chunk.path("eval_count"))));
                }
            }
        };
    }

    @Override
    ProviderException error(int status, HttpHeaders headers, String body) {
        JsonNode error = tryParse(body).path("error");
        return failure(status, error.isTextual() ? error.asText() : null,
                retryAfter(headers).orElse(DEFAULT_RETRY_AFTER));
    }
}
