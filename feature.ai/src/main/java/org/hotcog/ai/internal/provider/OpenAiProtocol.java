package org.hotcog.ai.internal.provider;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcog.ai.internal.conversation.Image;

/**
 * OpenAI's chat completions: {@code POST {base}/chat/completions} with {@code stream} and
 * {@code stream_options.include_usage}, images as {@code image_url} data URLs, SSE events of
 * {@code chat.completion.chunk} ending in {@code [DONE]}; {@code GET {base}/models}; errors
 * {@code {"error":{"message","type","code"}}}.
 */
final class OpenAiProtocol extends WireProtocol {

    OpenAiProtocol() {
        super("/models", "data", "id");
    }

    @Override
    HttpRequest.Builder chat(ProviderSettings settings, ChatRequest request) {
        ObjectNode body = messagesBody(request, (turn, message) -> {
            if (turn.images().isEmpty()) {
                message.put("content", turn.text());
                return;
            }
            ArrayNode parts = message.putArray("content");
            if (!turn.text().isEmpty()) {
                parts.addObject().put("type", "text").put("text", turn.text());
            }
            for (Image image : turn.images()) {
                parts.addObject().put("type", "image_url").putObject("image_url")
                        .put("url", "data:" + image.mimeType() + ";base64," + base64(image));
            }
        });
        body.putObject("stream_options").put("include_usage", true);
        return bearer(settings, post(settings, "/chat/completions", body, "text/event-stream"));
    }

    @Override
    StreamDecoder decoder() {
        return new SseDecoder() {
            @Override
            void event(String event, StreamSink sink) throws ChunkException {
                if (event.equals("[DONE]")) {
                    markDone();
                    return;
                }
                JsonNode chunk = parse(event);
                if (chunk.has("error")) {
                    throw new ChunkException(ProviderException.Kind.SERVER_ERROR,
                            chunk.path("error").path("message").asText("error in the stream"));
                }
                JsonNode choices = chunk.path("choices");
                if (!choices.isArray()) {
                    throw ChunkException.malformed("no choices");
                }
                if (!choices.isEmpty()) {
                    JsonNode choice = choices.get(0);
                    append(choice.path("delta").path("content").asText(""), sink);
                    if (choice.path("finish_reason").isTextual()) {
                        finishReason(choice.path("finish_reason").asText());
                    }
                }
                JsonNode usage = chunk.path("usage");
                if (usage.isObject()) {
                    usage(new Usage(count(usage.path("prompt_tokens")), count(usage.path("completion_tokens"))));
                }
            }
        };
    }

    @Override
    ProviderException error(int status, HttpHeaders headers, String body) {
        JsonNode error = tryParse(body).path("error");
        String message = error.path("message").asText(error.isTextual() ? error.asText() : null);
        // a used-up quota is a 429 too, but waiting does not help: no retry
        boolean quota = "insufficient_quota".equals(error.path("code").asText(error.path("type").asText()));
        return failure(status, message, quota ? null : retryAfter(headers).orElse(DEFAULT_RETRY_AFTER));
    }
}
