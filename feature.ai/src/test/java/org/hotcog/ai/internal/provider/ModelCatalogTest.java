package org.hotcog.ai.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.hotcog.ai.internal.TestClock;
import org.hotcog.emulator.ai.AiFault;
import org.hotcog.emulator.ai.LocalAiProvider;

/** Autocomplete of models from a local provider's list: ranking, keeping, refreshing, falling back. */
class ModelCatalogTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
    private LocalAiProvider ai;
    private HttpChatProvider provider;
    private ModelCatalog catalog;

    @BeforeEach
    void start() {
        ai = LocalAiProvider.start();
        provider = new HttpChatProvider(new ProviderSettings("local", ProviderKind.OLLAMA, URI.create(ai.ollamaBaseUrl()),
                "", "local-vision", Map.of(), null, Duration.ofSeconds(2)));
        catalog = new ModelCatalog(Duration.ofMinutes(5), Duration.ofSeconds(1), clock);
    }

    @AfterEach
    void stop() {
        provider.close();
        ai.close();
    }

    private List<String> suggest(String typed) throws Exception {
        return catalog.suggest(provider, typed).get(5, TimeUnit.SECONDS);
    }

    @Test
    void suggestsTheDefaultFirstThenModelsStartingWithThenContainingWhatWasTyped() throws Exception {
        ai.addModel("llama3.1:8b", false);
        ai.addModel("tinyllama", false);
        ai.addModel("x".repeat(101), false);
        for (int i = 0; i < 30; i++) {
            ai.addModel("bulk-" + i, false);
        }

        assertThat(suggest("")).hasSize(ModelCatalog.MAX_CHOICES).startsWith("local-vision", "local-chat");
        assertThat(suggest("LLAMA")).containsExactly("llama3.1:8b", "tinyllama");
        assertThat(suggest("local")).containsExactly("local-vision", "local-chat");
        assertThat(suggest("x")).isEmpty();
    }

    @Test
    void aListIsKeptThenRefreshedWhileTheStaleOneIsAnswered() throws Exception {
        suggest("");
        ai.addModel("newer", false);
        assertThat(suggest("newer")).isEmpty();

        clock.advance(Duration.ofMinutes(6));
        assertThat(suggest("newer")).isEmpty();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (suggest("newer").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(suggest("newer")).containsExactly("newer");
    }

    @Test
    void aProviderThatCannotListOffersItsDefaultModel() throws Exception {
        ai.failNext(AiFault.serverError(503));
        assertThat(suggest("")).containsExactly("local-vision");

        ai.failNext(AiFault.slowFirstByte(Duration.ofSeconds(3)));
        catalog.forget("local");
        long start = System.nanoTime();
        assertThat(suggest("")).containsExactly("local-vision");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }
}
