package org.hotcog.ai.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.emulator.ai.LocalAiProvider;

/** A provider built from its factory configuration, as Declarative Services builds it. */
class ProviderServiceTest {

    /** A configuration as DS gives it: every attribute, the defaults where not set. */
    private record Config(String name, String kind, String baseUrl, String _apiKey, String apiKeyVariable,
            String defaultModel, String[] extraHeaders, String extraBody, String[] prices, int timeoutSeconds)
            implements ProviderConfig {

        Config(String kind, String baseUrl, String key, String variable) {
            this("demo", kind, baseUrl, key, variable, "local-chat", new String[0], "", new String[0], 5);
        }

        Config withTimeout(int seconds) {
            return new Config(name, kind, baseUrl, _apiKey, apiKeyVariable, defaultModel, extraHeaders, extraBody,
                    prices, seconds);
        }

        Config withBody(String body) {
            return new Config(name, kind, baseUrl, _apiKey, apiKeyVariable, defaultModel, extraHeaders, body, prices,
                    timeoutSeconds);
        }

        Config withPrices(String... lines) {
            return new Config(name, kind, baseUrl, _apiKey, apiKeyVariable, defaultModel, extraHeaders, extraBody,
                    lines, timeoutSeconds);
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return ProviderConfig.class;
        }
    }

    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;
    /** Keys as configured; the core's secret box opens sealed ones in the framework (see the itest AiTest). */
    private static final UnaryOperator<String> PLAIN = key -> key;

    @Test
    void aConfiguredProviderAnswersAndListsModels() throws Exception {
        try (LocalAiProvider ai = LocalAiProvider.start()) {
            ProviderService service = new ProviderService(new Config("gemini", ai.geminiBaseUrl(), ai.apiKey(), "")
                    .withPrices("local-chat: 0.5 1.5"), NO_ENVIRONMENT, PLAIN);
            ai.answerNext("configured and working");
            Completion completion = service.chat(new ChatRequest(service.settings().defaultModel(), null,
                    List.of(Turn.user("hi"))), delta -> { }).get(10, TimeUnit.SECONDS);

            assertThat(completion.text()).isEqualTo("configured and working");
            assertThat(service.models().get(10, TimeUnit.SECONDS)).contains("local-chat");
            assertThat(service.prices().costMicros("local-chat", 1_000, 1_000)).isEqualTo(2_000_000);
            service.deactivate();
        }
    }

    @Test
    void theKeyCanComeFromTheEnvironment() {
        ProviderSettings settings = ProviderService.settings(
                new Config("openai", "http://127.0.0.1:8000/v1", "", "AI_KEY"), Map.of("AI_KEY", "sk-from-env")::get, PLAIN);

        assertThat(settings.apiKey()).isEqualTo("sk-from-env");
    }

    @Test
    void anEmptyBaseUrlMeansTheServiceItself() {
        ProviderSettings openAi = ProviderService.settings(new Config("openai", "", "k", ""), NO_ENVIRONMENT, PLAIN);
        ProviderSettings gemini = ProviderService.settings(new Config("gemini", " ", "k", ""), NO_ENVIRONMENT, PLAIN);

        assertThat(openAi.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(gemini.baseUrl()).isEqualTo(URI.create("https://generativelanguage.googleapis.com/v1beta"));
    }

    @Test
    void badConfigurationsNameTheKey() {
        assertThatThrownBy(() -> ProviderService.settings(new Config("openai", "", "k", "AI_KEY"), NO_ENVIRONMENT, PLAIN))
                .hasMessageStartingWith("apiKeyVariable:");
        assertThatThrownBy(() -> ProviderService.settings(new Config("openai", "", "", "AI_KEY"), NO_ENVIRONMENT, PLAIN))
                .hasMessageStartingWith("apiKeyVariable:").hasMessageContaining("AI_KEY");
        assertThatThrownBy(() -> ProviderService.settings(new Config("mistral", "", "", ""), NO_ENVIRONMENT, PLAIN))
                .hasMessageStartingWith("kind:");
        assertThatThrownBy(() -> ProviderService.settings(new Config("openai", "not a url", "", ""), NO_ENVIRONMENT, PLAIN))
                .hasMessageStartingWith("baseUrl:");
        assertThatThrownBy(() -> ProviderService.settings(new Config("openai", "", "", "").withTimeout(0),
                NO_ENVIRONMENT, PLAIN)).hasMessageStartingWith("timeoutSeconds:");
        assertThatThrownBy(() -> ProviderService.settings(new Config("openai", "", "", "").withBody("[]"),
                NO_ENVIRONMENT, PLAIN)).hasMessageStartingWith("extraBody:");
        assertThatThrownBy(() -> new ProviderService(new Config("openai", "", "", "").withPrices("gpt: 1"),
                NO_ENVIRONMENT, PLAIN)).hasMessageStartingWith("prices:");
    }

    @Test
    void theKeyIsOpenedAndAKeyThatCannotBeOpenedIsNamedWithoutBeingQuoted() {
        UnaryOperator<String> box = key -> {
            if (!key.startsWith("sealed:")) {
                throw new IllegalStateException("not sealed with this key");
            }
            return key.substring("sealed:".length());
        };
        assertThat(ProviderService.settings(new Config("openai", "", "sealed:sk-secret", ""), NO_ENVIRONMENT, box)
                .apiKey()).isEqualTo("sk-secret");
        assertThatThrownBy(() -> ProviderService.settings(new Config("openai", "", "sk-other-secret", ""),
                NO_ENVIRONMENT, box)).hasMessageStartingWith(".apiKey:").hasMessageNotContaining("sk-other-secret");
    }

    @Test
    void aModificationThatKeepsTheSettingsKeepsTheCallsInProgress() throws Exception {
        try (LocalAiProvider ai = LocalAiProvider.start()) {
            // the configuration as stored first (plain key), then as the core rewrites it (the same key, sealed)
            UnaryOperator<String> box = key -> key.startsWith("sealed:") ? key.substring(7) : key;
            ProviderService service = new ProviderService(new Config("openai", ai.openAiBaseUrl(), ai.apiKey(), ""),
                    NO_ENVIRONMENT, box);
            ai.tokenDelay(java.time.Duration.ofMillis(100));
            ai.answerNext("one two three four five six");
            var answer = service.chat(new ChatRequest("local-chat", null, List.of(Turn.user("hi"))), delta -> { });
            service.modified(new Config("openai", ai.openAiBaseUrl(), "sealed:" + ai.apiKey(), ""));
            assertThat(answer.get(10, TimeUnit.SECONDS).text()).isEqualTo("one two three four five six");

            // another key: the old client finishes the answer it is streaming, new calls use the new key
            ai.answerNext("seven eight nine ten eleven twelve");
            var streaming = service.chat(new ChatRequest("local-chat", null, List.of(Turn.user("hi"))), delta -> { });
            Thread.sleep(250);
            service.modified(new Config("openai", ai.openAiBaseUrl(), "sk-another", ""));
            assertThat(service.settings().apiKey()).isEqualTo("sk-another");
            assertThatThrownBy(() -> service.chat(new ChatRequest("local-chat", null, List.of(Turn.user("hi"))),
                    delta -> { }).get(10, TimeUnit.SECONDS)).cause().isInstanceOf(ProviderException.class)
                    .extracting(failure -> ((ProviderException) failure).kind())
                    .isEqualTo(ProviderException.Kind.UNAUTHORIZED);
            assertThat(streaming.get(10, TimeUnit.SECONDS).text()).isEqualTo("seven eight nine ten eleven twelve");

            // closing ends a call in progress at once, keeping what it had streamed
            service.modified(new Config("openai", ai.openAiBaseUrl(), ai.apiKey(), ""));
            ai.answerNext("thirteen fourteen fifteen sixteen seventeen eighteen");
            var closed = service.chat(new ChatRequest("local-chat", null, List.of(Turn.user("hi"))), delta -> { });
            Thread.sleep(250);
            service.deactivate();
            assertThatThrownBy(() -> closed.get(2, TimeUnit.SECONDS)).cause().isInstanceOf(ProviderException.class)
                    .satisfies(failure -> assertThat(((ProviderException) failure).partialText())
                            .startsWith("thirteen"));
        }
    }
}
