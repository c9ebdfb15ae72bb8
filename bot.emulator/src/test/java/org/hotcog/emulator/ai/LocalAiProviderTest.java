package org.hotcog.emulator.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The local providers seen from a plain HTTP client, frame by frame, as each service's clients see the real one. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LocalAiProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The 8-byte PNG signature and a little more: enough to be recognised as a PNG. */
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0};

    private final HttpClient client = HttpClient.newHttpClient();
    private LocalAiProvider ai;

    @BeforeEach
    void start() {
        ai = LocalAiProvider.start();
    }

    @AfterEach
    void stop() {
        ai.close();
    }

    private HttpResponse<String> post(String url, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String bearer() {
        return "Bearer " + ai.apiKey();
    }

    /** The JSON payloads of SSE {@code data:} lines. */
    private static List<String> sseData(String body) {
        List<String> data = new ArrayList<>();
        for (String line : body.split("\r?\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring(6));
            }
        }
        return data;
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    private static String openAiChat(boolean stream, boolean usage) {
        return "{\"model\":\"local-chat\",\"stream\":" + stream
                + (usage ? ",\"stream_options\":{\"include_usage\":true}" : "")
                + ",\"messages\":[{\"role\":\"system\",\"content\":\"Be brief.\"},"
                + "{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hello!\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"And now?\"}]}]}";
    }

    @Test
    void openAiStreamsChunksThenUsageThenDone() throws Exception {
        ai.answerNext("Three small words");
        HttpResponse<String> response = post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(true, true),
                "Authorization", bearer());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        List<String> data = sseData(response.body());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        JsonNode first = json(data.get(0));
        assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("choices").get(0).path("delta").path("role").asText()).isEqualTo("assistant");
        assertThat(first.has("usage") && first.get("usage").isNull()).isTrue();
        StringBuilder text = new StringBuilder();
        String finish = null;
        JsonNode usage = null;
        for (String payload : data.subList(0, data.size() - 1)) {
            JsonNode chunk = json(payload);
            assertThat(chunk.path("id").asText()).isEqualTo(first.path("id").asText()).startsWith("chatcmpl-");
            if (chunk.path("choices").isEmpty()) {
                usage = chunk.path("usage");
                continue;
            }
            JsonNode choice = chunk.path("choices").get(0);
            text.append(choice.path("delta").path("content").asText(""));
            if (!choice.path("finish_reason").isNull()) {
                finish = choice.path("finish_reason").asText();
            }
        }
        assertThat(text).hasToString("Three small words");
        assertThat(finish).isEqualTo("stop");
        assertThat(usage.path("completion_tokens").asInt()).isEqualTo(3);
        assertThat(usage.path("prompt_tokens").asInt()).isEqualTo(ai.requests().get(0).promptTokens()).isPositive();
        assertThat(usage.path("total_tokens").asInt()).isEqualTo(usage.path("prompt_tokens").asInt() + 3);

        AiRequest seen = ai.requests().get(0);
        assertThat(seen.format()).isEqualTo(WireFormat.OPENAI);
        assertThat(seen.systemPrompt()).isEqualTo("Be brief.");
        assertThat(seen.turns()).extracting(AiTurn::role).containsExactly("user", "assistant", "user");
        assertThat(seen.lastUserText()).isEqualTo("And now?");
        assertThat(seen.headers()).containsEntry("authorization", bearer());
    }

    @Test
    void openAiWithoutUsageOptionSendsNoUsage() throws Exception {
        HttpResponse<String> response = post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(true, false),
                "Authorization", bearer());

        for (String payload : sseData(response.body())) {
            assertThat(payload.equals("[DONE]") || !json(payload).has("usage")).isTrue();
        }
    }

    @Test
    void openAiAnswersWholeCompletionsAndLimitsLength() throws Exception {
        ai.answerNext("one two three four");
        String body = openAiChat(false, false).replace("\"stream\":false", "\"stream\":false,\"max_tokens\":2");
        JsonNode completion = json(post(ai.openAiBaseUrl() + "/chat/completions", body, "Authorization", bearer())
                .body());

        assertThat(completion.path("object").asText()).isEqualTo("chat.completion");
        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo("one two ");
        assertThat(completion.at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void openAiChecksTheKeyAndTheModel() throws Exception {
        HttpResponse<String> missing = post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(true, false));
        HttpResponse<String> wrong = post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(true, false),
                "Authorization", "Bearer sk-wrong-key-123456");
        HttpResponse<String> model = post(ai.openAiBaseUrl() + "/chat/completions",
                openAiChat(true, false).replace("local-chat", "gpt-none"), "Authorization", bearer());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(json(missing.body()).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong.body()).at("/error/code").asText()).isEqualTo("invalid_api_key");
        assertThat(wrong.body()).doesNotContain("sk-wrong-key-123456");
        assertThat(model.statusCode()).isEqualTo(404);
        assertThat(json(model.body()).at("/error/code").asText()).isEqualTo("model_not_found");
    }

    @Test
    void openAiListsModels() throws Exception {
        ai.addModel("gpt-local", true);
        JsonNode list = json(get(ai.openAiBaseUrl() + "/models", "Authorization", bearer()).body());

        assertThat(list.path("object").asText()).isEqualTo("list");
        assertThat(list.path("data").findValuesAsText("id")).containsExactly("local-chat", "local-vision", "gpt-local");
        assertThat(get(ai.openAiBaseUrl() + "/models").statusCode()).isEqualTo(401);
    }

    @Test
    void openAiImagesAreAcceptedOrRefusedPerModel() throws Exception {
        String image = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
        String body = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":"
                + "\"What is this?\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"" + image + "\"}}]}]}";

        HttpResponse<String> refused = post(ai.openAiBaseUrl() + "/chat/completions",
                body.formatted("local-chat"), "Authorization", bearer());
        HttpResponse<String> accepted = post(ai.openAiBaseUrl() + "/chat/completions",
                body.formatted("local-vision"), "Authorization", bearer());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused.body()).at("/error/message").asText()).contains("image_url");
        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted.body()).at("/choices/0/message/content").asText()).contains("I see 1 image");
        AiImage seen = ai.requests().get(1).turns().get(0).images().get(0);
        assertThat(seen.mimeType()).isEqualTo("image/png");
        assertThat(seen.data()).isEqualTo(PNG);
    }

    @Test
    void ollamaStreamsNdjsonEndingWithDone() throws Exception {
        ai.answerNext("Hello from llama");
        String body = "{\"model\":\"local-vision\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a cat.\"},"
                + "{\"role\":\"user\",\"content\":\"Look\",\"images\":[\"" + Base64.getEncoder().encodeToString(PNG)
                + "\"]}]}";
        HttpResponse<String> response = post(ai.ollamaBaseUrl() + "/api/chat", body);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        String[] lines = response.body().split("\n");
        assertThat(lines).hasSize(4);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            JsonNode line = json(lines[i]);
            assertThat(line.path("done").asBoolean()).isFalse();
            text.append(line.at("/message/content").asText());
        }
        JsonNode last = json(lines[3]);
        assertThat(text).hasToString("Hello from llama");
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("done_reason").asText()).isEqualTo("stop");
        assertThat(last.path("eval_count").asInt()).isEqualTo(3);
        assertThat(last.path("prompt_eval_count").asInt()).isEqualTo(ai.requests().get(0).promptTokens());
        assertThat(last.path("total_duration").asLong()).isPositive();
        assertThat(last.path("eval_duration").asLong()).isPositive();
        AiRequest seen = ai.requests().get(0);
        assertThat(seen.systemPrompt()).isEqualTo("You are a cat.");
        assertThat(seen.turns().get(0).images().get(0).mimeType()).isEqualTo("image/png");
    }

    @Test
    void ollamaAnswersWholeAndRefusesUnknownModelsAndImages() throws Exception {
        JsonNode whole = json(post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"local-chat\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}")
                .body());
        HttpResponse<String> unknown = post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"nope\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}");
        HttpResponse<String> image = post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"local-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"images\":[\""
                        + Base64.getEncoder().encodeToString(PNG) + "\"]}]}");

        assertThat(whole.path("done").asBoolean()).isTrue();
        assertThat(whole.at("/message/content").asText()).startsWith("You said: \"ping\".");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).path("error").asText()).contains("\"nope\" not found");
        assertThat(image.statusCode()).isEqualTo(400);
        assertThat(json(image.body()).path("error").isTextual()).isTrue();
    }

    @Test
    void ollamaListsTags() throws Exception {
        JsonNode tags = json(get(ai.ollamaBaseUrl() + "/api/tags").body());

        assertThat(tags.path("models").findValuesAsText("name")).containsExactly("local-chat", "local-vision");
        assertThat(tags.at("/models/0/details/format").asText()).isEqualTo("gguf");
    }

    private static String geminiBody() {
        return "{\"systemInstruction\":{\"parts\":[{\"text\":\"Answer in French.\"}]},\"contents\":["
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"Hi\"}]},{\"role\":\"model\",\"parts\":[{\"text\":\"Salut\"}]},"
                + "{\"role\":\"user\",\"parts\":[{\"text\":\"Again\"},{\"inline_data\":{\"mime_type\":\"image/png\","
                + "\"data\":\"" + Base64.getEncoder().encodeToString(PNG) + "\"}}]}]}";
    }

    @Test
    void geminiStreamsSseResponsesWithFinishReasonAndUsageLast() throws Exception {
        ai.answerNext("Bonjour à vous");
        HttpResponse<String> response = post(
                ai.geminiBaseUrl() + "/models/local-vision:streamGenerateContent?alt=sse", geminiBody(),
                "x-goog-api-key", ai.apiKey());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\r\n\r\n");
        List<String> data = sseData(response.body());
        assertThat(data).hasSize(3);
        StringBuilder text = new StringBuilder();
        for (String payload : data) {
            text.append(json(payload).at("/candidates/0/content/parts/0/text").asText());
        }
        JsonNode last = json(data.get(2));
        assertThat(text).hasToString("Bonjour à vous");
        assertThat(json(data.get(0)).at("/candidates/0/finishReason").isMissingNode()).isTrue();
        assertThat(last.at("/candidates/0/finishReason").asText()).isEqualTo("STOP");
        assertThat(last.at("/usageMetadata/candidatesTokenCount").asInt()).isEqualTo(3);
        assertThat(last.at("/usageMetadata/totalTokenCount").asInt())
                .isEqualTo(last.at("/usageMetadata/promptTokenCount").asInt() + 3);
        AiRequest seen = ai.requests().get(0);
        assertThat(seen.format()).isEqualTo(WireFormat.GEMINI);
        assertThat(seen.model()).isEqualTo("local-vision");
        assertThat(seen.systemPrompt()).isEqualTo("Answer in French.");
        assertThat(seen.turns()).extracting(AiTurn::role).containsExactly("user", "assistant", "user");
        assertThat(seen.turns().get(2).images()).hasSize(1);
    }

    @Test
    void geminiTakesTheKeyFromTheQueryAndRefusesLikeGoogle() throws Exception {
        String url = ai.geminiBaseUrl() + "/models/local-vision:streamGenerateContent?alt=sse";
        HttpResponse<String> byQuery = post(url + "&key=" + ai.apiKey(), geminiBody());
        HttpResponse<String> missing = post(url, geminiBody());
        HttpResponse<String> wrong = post(url, geminiBody(), "x-goog-api-key", "AIza-wrong");
        HttpResponse<String> unknown = post(ai.geminiBaseUrl() + "/models/gemini-none:streamGenerateContent?alt=sse",
                geminiBody(), "x-goog-api-key", ai.apiKey());

        assertThat(byQuery.statusCode()).isEqualTo(200);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(json(missing.body()).at("/error/status").asText()).isEqualTo("PERMISSION_DENIED");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(json(wrong.body()).at("/error/details/0/reason").asText()).isEqualTo("API_KEY_INVALID");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown.body()).at("/error/code").asInt()).isEqualTo(404);
        assertThat(json(unknown.body()).at("/error/status").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void geminiListsModelsInPages() throws Exception {
        ai.addModel("gemini-local", true);
        JsonNode first = json(get(ai.geminiBaseUrl() + "/models?pageSize=2", "x-goog-api-key", ai.apiKey()).body());
        JsonNode second = json(get(ai.geminiBaseUrl() + "/models?pageSize=2&pageToken="
                + first.path("nextPageToken").asText(), "x-goog-api-key", ai.apiKey()).body());

        assertThat(first.path("models").findValuesAsText("name")).containsExactly("models/local-chat",
                "models/local-vision");
        assertThat(second.path("models").findValuesAsText("name")).containsExactly("models/gemini-local");
        assertThat(second.has("nextPageToken")).isFalse();
    }

    @Test
    void rateLimitsCarryTheRetryDelayInEachFormat() throws Exception {
        ai.failNext(AiFault.rateLimited(2));
        ai.failNext(AiFault.rateLimited(3));
        ai.failNext(AiFault.rateLimited(4));
        ai.answerNext("after the wait");

        HttpResponse<String> openAi = post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(true, false),
                "Authorization", bearer());
        HttpResponse<String> ollama = post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"local-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        HttpResponse<String> gemini = post(ai.geminiBaseUrl() + "/models/local-vision:streamGenerateContent?alt=sse",
                geminiBody(), "x-goog-api-key", ai.apiKey());
        HttpResponse<String> retried = post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(false, false),
                "Authorization", bearer());

        assertThat(openAi.statusCode()).isEqualTo(429);
        assertThat(openAi.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(openAi.body()).at("/error/code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(ollama.statusCode()).isEqualTo(429);
        assertThat(ollama.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(gemini.statusCode()).isEqualTo(429);
        assertThat(json(gemini.body()).at("/error/status").asText()).isEqualTo("RESOURCE_EXHAUSTED");
        assertThat(json(gemini.body()).at("/error/details/0/retryDelay").asText()).isEqualTo("4s");
        assertThat(json(retried.body()).at("/choices/0/message/content").asText()).isEqualTo("after the wait");
        assertThat(ai.requests()).hasSize(4);
    }

    @Test
    void serverErrorsAndRefusedKeysComeInTheServicesShapes() throws Exception {
        ai.failNext(AiFault.serverError(503));
        ai.failNext(AiFault.serverError(500));
        ai.failNext(AiFault.unauthorized());

        HttpResponse<String> overloaded = post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(true, false),
                "Authorization", bearer());
        HttpResponse<String> internal = post(ai.geminiBaseUrl() + "/models/local-vision:streamGenerateContent?alt=sse",
                geminiBody(), "x-goog-api-key", ai.apiKey());
        HttpResponse<String> refused = post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"local-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");

        assertThat(overloaded.statusCode()).isEqualTo(503);
        assertThat(json(overloaded.body()).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(internal.statusCode()).isEqualTo(500);
        assertThat(json(internal.body()).at("/error/status").asText()).isEqualTo("INTERNAL");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(json(refused.body()).path("error").asText()).isEqualTo("unauthorized");
    }

    @Test
    void aCutStreamEndsWithoutItsEnd() throws Exception {
        ai.answerNext("one two three four five");
        ai.failNext(AiFault.cutAfter(3));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ai.openAiBaseUrl() + "/chat/completions"))
                .header("Authorization", bearer()).POST(HttpRequest.BodyPublishers.ofString(openAiChat(true, false)))
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        // the same read line by line as it arrives: the frames before the cut, then the connection's end
        ai.answerNext("one two three four five");
        ai.failNext(AiFault.cutAfter(3));
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> end = new CompletableFuture<>();
        client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(new Flow.Subscriber<String>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                lines.add(line);
            }

            @Override
            public void onError(Throwable throwable) {
                end.complete(throwable);
            }

            @Override
            public void onComplete() {
                end.complete(null);
            }
        }));
        assertThat(end.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThat(sseData(String.join("\n", lines))).hasSize(3).doesNotContain("[DONE]");
    }

    @Test
    void aMalformedChunkIsOneBrokenFrame() throws Exception {
        ai.answerNext("alpha beta gamma");
        ai.failNext(AiFault.malformedAfter(2));
        String body = post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"local-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").body();

        String[] lines = body.split("\n");
        assertThat(lines).hasSize(4);
        json(lines[1]);
        assertThatThrownBy(() -> json(lines[2])).isInstanceOf(IOException.class);
        assertThat(json(lines[3]).path("done").asBoolean()).isTrue();
    }

    @Test
    void anErrorInTheStreamIsAFrameInTheFormatsErrorShapeThatEndsIt() throws Exception {
        ai.answerNext("alpha beta gamma");
        ai.failNext(AiFault.errorAfter(2));
        ai.answerNext("alpha beta gamma");
        ai.failNext(AiFault.errorAfter(1));
        String ollama = post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"local-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").body();
        List<String> openAi = sseData(post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(true, false),
                "Authorization", bearer()).body());

        String[] lines = ollama.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(json(lines[2]).path("error").asText()).isNotBlank();
        assertThat(openAi).hasSize(2);
        assertThat(json(openAi.get(1)).at("/error/type").asText()).isEqualTo("server_error");
    }

    @Test
    void aSlowFirstByteTimesTheClientOut() throws Exception {
        ai.failNext(AiFault.slowFirstByte(Duration.ofSeconds(3)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ai.ollamaBaseUrl() + "/api/tags"))
                .timeout(Duration.ofMillis(300)).GET().build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(get(ai.ollamaBaseUrl() + "/api/tags").statusCode()).isEqualTo(200);
    }

    @Test
    void framesAreSpacedByTheTokenDelayAndAStallPausesTheStream() throws Exception {
        ai.tokenDelay(Duration.ofMillis(40));
        ai.answerNext("a b c d e");
        long start = System.nanoTime();
        post(ai.ollamaBaseUrl() + "/api/chat", "{\"model\":\"local-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        long spaced = System.nanoTime() - start;

        ai.tokenDelay(Duration.ZERO);
        ai.failNext(AiFault.stallAfter(1, Duration.ofMillis(400)));
        start = System.nanoTime();
        String body = post(ai.ollamaBaseUrl() + "/api/chat",
                "{\"model\":\"local-chat\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").body();
        long stalled = System.nanoTime() - start;

        assertThat(Duration.ofNanos(spaced)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.ofNanos(stalled)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(body).contains("\"done\":true");
    }

    @Test
    void theDefaultAnswerTellsWhatTheModelSaw() throws Exception {
        JsonNode completion = json(post(ai.openAiBaseUrl() + "/chat/completions", openAiChat(false, false),
                "Authorization", bearer()).body());

        assertThat(completion.at("/choices/0/message/content").asText()).isEqualTo(
                "You said: \"And now?\". Before that you wrote 1 message. My instructions: \"Be brief.\". "
                        + "(local-chat, a local model)");
    }

    @Test
    void tokensAreWordsWithTheirSpaces() {
        assertThat(LocalAiProvider.tokens("Hello  big\nworld")).containsExactly("Hello  ", "big\n", "world");
        assertThat(LocalAiProvider.tokens("")).isEmpty();
    }
}
