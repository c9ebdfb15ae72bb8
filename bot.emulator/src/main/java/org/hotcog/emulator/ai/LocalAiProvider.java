package org.hotcog.emulator.ai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.hotcog.emulator.internal.ai.AiServer;

/**
 * Local AI providers on 127.0.0.1 for tests and the offline demo: one port that speaks three real wire formats,
 * so that a client configured with {@link #openAiBaseUrl()}, {@link #ollamaBaseUrl()} or {@link #geminiBaseUrl()}
 * cannot tell it from the service.
 *
 * <ul>
 * <li>OpenAI-compatible: {@code POST /v1/chat/completions} (SSE {@code chat.completion.chunk} events ending in
 * {@code data: [DONE]}, the usage chunk with {@code stream_options.include_usage}, or one
 * {@code chat.completion}), {@code GET /v1/models}; {@code Authorization: Bearer} {@link #apiKey()}.</li>
 * <li>Ollama: {@code POST /api/chat} (NDJSON unless {@code "stream": false}, last line {@code "done": true} with
 * {@code done_reason}, {@code prompt_eval_count}, {@code eval_count} and durations), {@code GET /api/tags}; no
 * key.</li>
 * <li>Gemini: {@code POST /v1beta/models/{model}:streamGenerateContent?alt=sse} and {@code :generateContent},
 * {@code GET /v1beta/models} (paged); key in {@code x-goog-api-key} or {@code ?key=}.</li>
 * </ul>
 *
 * <p>Errors come in each service's own shape and status. Models {@code local-chat} (text only) and
 * {@code local-vision} (accepts images) exist from the start. An answer is the next scripted one
 * ({@link #answerNext(String)}) or else the responder's, which by default says what it was asked (the last user
 * message, images, earlier turns, the system prompt); it is streamed one word (with its trailing spaces) per frame,
 * one completion token per word; the prompt counts one token per 4 characters and 85 per image. Each instance is
 * independent and thread-safe.
 *
 * {@snippet :
 * try (LocalAiProvider ai = LocalAiProvider.start()) {
 *     ai.answerNext("Hello there");
 *     ai.failNext(AiFault.rateLimited(1));   // the first call gets 429, a retry gets the answer
 *     // point a client at ai.openAiBaseUrl() with ai.apiKey(), then:
 *     AiRequest seen = ai.requests().get(0);
 * }
 * }
 */
public final class LocalAiProvider implements AutoCloseable {

    private final AiServer server;

    private LocalAiProvider(AiServer server) {
        this.server = server;
    }

    /**
     * Starts the providers on an ephemeral port of 127.0.0.1 with a fresh key.
     *
     * @return the running providers
     * @throws java.io.UncheckedIOException if no port can be opened
     */
    public static LocalAiProvider start() {
        return new LocalAiProvider(AiServer.start());
    }

    /** {@code http://127.0.0.1:port}, the root of all three formats. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** The OpenAI-compatible base URL, ending in {@code /v1}. */
    public String openAiBaseUrl() {
        return server.baseUrl() + "/v1";
    }

    /** The Ollama base URL (Ollama's routes start with {@code /api}). */
    public String ollamaBaseUrl() {
        return server.baseUrl();
    }

    /** The Gemini base URL, ending in {@code /v1beta}. */
    public String geminiBaseUrl() {
        return server.baseUrl() + "/v1beta";
    }

    /** The key the OpenAI and Gemini routes accept; any other is refused as the service refuses it. */
    public String apiKey() {
        return server.apiKey();
    }

    /**
     * Adds a model to every format's list (or changes whether it accepts images).
     *
     * @param name the model's name
     * @param acceptsImages whether a request with images is answered; if not, it is refused with the service's
     *     400
     */
    public void addModel(String name, boolean acceptsImages) {
        server.addModel(name, acceptsImages);
    }

    /** The models by name, in the order added; true for those that accept images. */
    public Map<String, Boolean> models() {
        return server.models();
    }

    /**
     * Queues the answer of the next chat request that gets one (a request refused by a fault does not use it).
     *
     * @param text the answer's text
     */
    public void answerNext(String text) {
        server.answerNext(text);
    }

    /**
     * Sets what answers a chat request when no scripted answer is queued.
     *
     * @param responder from the request to the answer's text
     */
    public void responder(Function<AiRequest, String> responder) {
        server.responder(responder);
    }

    /**
     * Sets the pause between two streamed frames (none by default).
     *
     * @param delay the pause
     */
    public void tokenDelay(Duration delay) {
        server.tokenDelay(delay);
    }

    /**
     * Queues a failure for the next request, chat or model list, of any format; several queue in order.
     *
     * @param fault what goes wrong
     */
    public void failNext(AiFault fault) {
        server.failNext(fault);
    }

    /** The chat requests received, oldest first, each recorded before any fault was applied. */
    public List<AiRequest> requests() {
        return server.requests();
    }

    /**
     * How many streamed answers the client stopped reading before their end, closing the connection; a real
     * provider stops generating (and billing) such an answer.
     *
     * @since 1.1
     */
    public int abandonedStreams() {
        return server.abandonedStreams();
    }

    /** Forgets the recorded requests, the scripted answers and faults not used yet, and the abandoned streams. */
    public void reset() {
        server.reset();
    }

    /**
     * How a text is streamed: one word with its trailing spaces per frame; the count is the completion tokens.
     *
     * @param text an answer
     * @return its frames' texts
     */
    public static List<String> tokens(String text) {
        return AiServer.tokens(text);
    }

    /** Stops the server; streams in progress end at once. */
    @Override
    public void close() {
        server.close();
    }
}
