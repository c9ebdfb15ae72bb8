package org.hotcog.ai.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.hotcog.ai.internal.conversation.Image;
import org.hotcog.ai.internal.conversation.Role;
import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.emulator.ai.AiFault;
import org.hotcog.emulator.ai.AiRequest;
import org.hotcog.emulator.ai.LocalAiProvider;

/** Each kind of provider against the local provider that speaks its wire format: streams, usage, failures, models. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpChatProviderTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 1, 2, 3};
    private static final String ANSWER = "one two three four five";

    private LocalAiProvider ai;
    private final List<HttpChatProvider> providers = new CopyOnWriteArrayList<>();
    private final StringBuffer streamed = new StringBuffer();
    private final List<String> deltas = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        ai = LocalAiProvider.start();
    }

    @AfterEach
    void stop() {
        providers.forEach(HttpChatProvider::close);
        ai.close();
    }

    private HttpChatProvider provider(ProviderKind kind) {
        return provider(kind, Map.of(), null, Duration.ofSeconds(2));
    }

    private HttpChatProvider provider(ProviderKind kind, Map<String, String> headers, ObjectNode body, Duration timeout) {
        return provider(kind, kind == ProviderKind.OLLAMA ? "" : ai.apiKey(), headers, body, timeout);
    }

    private HttpChatProvider provider(ProviderKind kind, String key, Map<String, String> headers, ObjectNode body,
            Duration timeout) {
        String base = switch (kind) {
            case OPENAI -> ai.openAiBaseUrl();
            case OLLAMA -> ai.ollamaBaseUrl();
            case GEMINI -> ai.geminiBaseUrl();
        };
        HttpChatProvider provider = new HttpChatProvider(new ProviderSettings("local-" + kind.configName(), kind,
                URI.create(base), key, "local-chat", headers, body, timeout));
        providers.add(provider);
        return provider;
    }

    private static ChatRequest ask(String model, String text) {
        return new ChatRequest(model, null, List.of(Turn.user(text)));
    }

    private Completion chat(HttpChatProvider provider, ChatRequest request) throws Exception {
        return provider.chat(request, this::collect).get(20, TimeUnit.SECONDS);
    }

    private void collect(String delta) {
        assertThat(delta).isNotEmpty();
        deltas.add(delta);
        streamed.append(delta);
    }

    private ProviderException failure(HttpChatProvider provider, ChatRequest request) {
        ExecutionException thrown = catchThrowableOfType(
                () -> provider.chat(request, this::collect).get(20, TimeUnit.SECONDS), ExecutionException.class);
        assertThat(thrown).as("the call should have failed").isNotNull();
        assertThat(thrown.getCause()).isInstanceOf(ProviderException.class);
        return (ProviderException) thrown.getCause();
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void streamsTheAnswerIntoTheSinkWithTheUsageTheProviderReports(ProviderKind kind) throws Exception {
        ai.answerNext(ANSWER);
        Completion completion = chat(provider(kind), ask("local-chat", "Count to five"));

        assertThat(completion.text()).isEqualTo(ANSWER);
        assertThat(streamed).hasToString(ANSWER);
        assertThat(deltas).containsExactlyElementsOf(LocalAiProvider.tokens(ANSWER));
        assertThat(completion.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(completion.usage().completionTokens()).isEqualTo(5);
        assertThat(completion.usage().promptTokens()).isEqualTo(ai.requests().get(0).promptTokens());
        assertThat(completion.attempts()).isEqualTo(1);
        assertThat(ai.requests().get(0).stream()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void sendsTheHistoryTheSystemPromptImagesAndTheExtras(ProviderKind kind) throws Exception {
        ObjectNode extra = ProviderSettings.parseBody("{\"hotcog_probe\": 42}");
        HttpChatProvider provider = provider(kind, Map.of("X-Trace", "t-1"), extra, Duration.ofSeconds(2));
        ChatRequest request = new ChatRequest("local-vision", "Answer like a pirate.", List.of(Turn.user("Hi"),
                Turn.assistant("Ahoy!"), new Turn(Role.USER, "What is this?", List.of(new Image("image/png", PNG)))));

        Completion completion = chat(provider, request);

        AiRequest seen = ai.requests().get(0);
        assertThat(seen.systemPrompt()).isEqualTo("Answer like a pirate.");
        assertThat(seen.turns()).extracting(turn -> turn.role() + ":" + turn.text())
                .containsExactly("user:Hi", "assistant:Ahoy!", "user:What is this?");
        assertThat(seen.turns().get(2).images()).singleElement().satisfies(image -> {
            assertThat(image.mimeType()).isEqualTo("image/png");
            assertThat(image.data()).isEqualTo(PNG);
        });
        assertThat(seen.headers()).containsEntry("x-trace", "t-1");
        assertThat(seen.body()).contains("\"hotcog_probe\":42");
        assertThat(completion.text()).contains("I see 1 image").contains("Before that you wrote 1 message");
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aLimitSetInTheExtraBodyEndsTheAnswerWithLength(ProviderKind kind) throws Exception {
        String limit = switch (kind) {
            case OPENAI -> "{\"max_tokens\": 2}";
            case OLLAMA -> "{\"options\": {\"num_predict\": 2}}";
            case GEMINI -> "{\"generationConfig\": {\"maxOutputTokens\": 2}}";
        };
        ai.answerNext(ANSWER);
        Completion completion = chat(provider(kind, Map.of(), ProviderSettings.parseBody(limit), Duration.ofSeconds(2)),
                ask("local-chat", "Count"));

        assertThat(completion.text()).isEqualTo("one two ");
        assertThat(completion.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void imagesForATextModelAndUnknownModelsAreRefused(ProviderKind kind) {
        ProviderException images = failure(provider(kind), new ChatRequest("local-chat", null,
                List.of(new Turn(Role.USER, "look", List.of(new Image("image/png", PNG))))));
        ProviderException unknown = failure(provider(kind), ask("no-such-model", "hi"));

        assertThat(images.kind()).isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(images.status()).isEqualTo(400);
        assertThat(unknown.kind()).isEqualTo(ProviderException.Kind.REFUSED);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.getMessage()).contains("no-such-model");
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aRefusedKeyIsUnauthorized(ProviderKind kind) {
        ai.failNext(AiFault.unauthorized());

        ProviderException failure = failure(provider(kind), ask("local-chat", "hi"));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
        assertThat(failure.cut()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = {"OPENAI", "GEMINI"})
    void aWrongKeyIsUnauthorizedAndNeverInTheMessage(ProviderKind kind) {
        String wrong = "sk-this-key-is-wrong-0123456789";
        ProviderException failure = failure(provider(kind, wrong, Map.of(), null, Duration.ofSeconds(2)),
                ask("local-chat", "hi"));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED);
        assertThat(failure.getMessage()).doesNotContain(wrong).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void a429IsRetriedOnceAfterTheDelayTheProviderAskedFor(ProviderKind kind) throws Exception {
        ai.failNext(AiFault.rateLimited(1));
        ai.answerNext(ANSWER);
        long start = System.nanoTime();

        Completion completion = chat(provider(kind), ask("local-chat", "hi"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(completion.text()).isEqualTo(ANSWER);
        assertThat(completion.attempts()).isEqualTo(2);
        assertThat(ai.requests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void a429AfterTheRetryIsRateLimitedWithItsDelay(ProviderKind kind) {
        ai.failNext(AiFault.rateLimited(1));
        ai.failNext(AiFault.rateLimited(1));

        ProviderException failure = failure(provider(kind), ask("local-chat", "hi"));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ai.requests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void a429WithALongDelayIsNotWaitedFor(ProviderKind kind) {
        ai.failNext(AiFault.rateLimited(120));

        ProviderException failure = failure(provider(kind), ask("local-chat", "hi"));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(ai.requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void serverErrorsKeepTheirStatus(ProviderKind kind) {
        ai.failNext(AiFault.serverError(500));
        ai.failNext(AiFault.serverError(503));

        ProviderException internal = failure(provider(kind), ask("local-chat", "hi"));
        ProviderException overloaded = failure(provider(kind), ask("local-chat", "hi"));

        assertThat(internal.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(internal.status()).isEqualTo(500);
        assertThat(overloaded.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(overloaded.status()).isEqualTo(503);
        assertThat(ai.requests()).hasSize(2);
    }

    /** Fails a streamed {@link #ANSWER} with {@code fault}; checks that what came before is kept as a cut answer. */
    private ProviderException cutBy(ProviderKind kind, AiFault fault, Duration timeout) {
        ai.answerNext(ANSWER);
        ai.failNext(fault);

        ProviderException failure = failure(provider(kind, Map.of(), null, timeout), ask("local-chat", "hi"));

        assertThat(failure.cut()).isTrue();
        assertThat(ANSWER).startsWith(failure.partialText());
        assertThat(failure.partialText()).isNotEqualTo(ANSWER);
        assertThat(streamed).hasToString(failure.partialText());
        return failure;
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aCutStreamKeepsThePartialAnswer(ProviderKind kind) {
        ProviderException failure = cutBy(kind, AiFault.cutAfter(3), Duration.ofSeconds(2));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.CUT_STREAM);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aMalformedChunkEndsTheAnswerAndKeepsWhatCameBefore(ProviderKind kind) {
        ProviderException failure = cutBy(kind, AiFault.malformedAfter(2), Duration.ofSeconds(2));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.MALFORMED_CHUNK);
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void anErrorSentInsideTheStreamIsAServerErrorThatKeepsWhatCameBefore(ProviderKind kind) {
        ProviderException failure = cutBy(kind, AiFault.errorAfter(3), Duration.ofSeconds(2));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.SERVER_ERROR);
        assertThat(failure.status()).isEqualTo(200);
        assertThat(failure.getMessage()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aSlowFirstByteIsATimeout(ProviderKind kind) {
        ai.failNext(AiFault.slowFirstByte(Duration.ofSeconds(4)));
        long start = System.nanoTime();

        ProviderException failure = failure(provider(kind, Map.of(), null, Duration.ofSeconds(1)), ask("local-chat", "hi"));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
        assertThat(failure.cut()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void silenceInTheMiddleOfTheStreamIsATimeoutThatKeepsThePartialAnswer(ProviderKind kind) {
        long start = System.nanoTime();

        ProviderException failure = cutBy(kind, AiFault.stallAfter(3, Duration.ofSeconds(4)), Duration.ofSeconds(1));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void listsTheModels(ProviderKind kind) throws Exception {
        ai.addModel("extra-model", false);

        assertThat(provider(kind).models().get(10, TimeUnit.SECONDS))
                .containsExactly("local-chat", "local-vision", "extra-model");
    }

    @ParameterizedTest
    @EnumSource(ProviderKind.class)
    void aFailedModelListSaysWhy(ProviderKind kind) {
        ai.failNext(AiFault.unauthorized());

        ExecutionException thrown = catchThrowableOfType(() -> provider(kind).models().get(10, TimeUnit.SECONDS),
                ExecutionException.class);

        assertThat(thrown.getCause()).isInstanceOfSatisfying(ProviderException.class,
                failure -> assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNAUTHORIZED));
    }

    @Test
    void geminiModelListsAreReadPageByPage() throws Exception {
        for (int i = 0; i < 1200; i++) {
            ai.addModel("bulk-" + i, false);
        }

        List<String> models = provider(ProviderKind.GEMINI).models().get(10, TimeUnit.SECONDS);

        assertThat(models).hasSize(1202).startsWith("local-chat").endsWith("bulk-1199");
    }

    @Test
    void aProviderThatCannotBeReachedIsUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpChatProvider provider = new HttpChatProvider(new ProviderSettings("gone", ProviderKind.OLLAMA,
                URI.create("http://127.0.0.1:" + closedPort), "", "m", Map.of(), null, Duration.ofSeconds(2)));
        providers.add(provider);

        ProviderException failure = failure(provider, ask("m", "hi"));

        assertThat(failure.kind()).isEqualTo(ProviderException.Kind.UNREACHABLE);
    }

    @Test
    void closingEndsTheProvidersThreads() throws Exception {
        HttpChatProvider provider = provider(ProviderKind.OPENAI);
        ai.answerNext(ANSWER);
        chat(provider, ask("local-chat", "hi"));

        provider.close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && threadsOf("ai-local-openai-") > 0) {
            Thread.sleep(50);
        }
        assertThat(threadsOf("ai-local-openai-")).isZero();
    }

    private static long threadsOf(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix)).count();
    }
}
