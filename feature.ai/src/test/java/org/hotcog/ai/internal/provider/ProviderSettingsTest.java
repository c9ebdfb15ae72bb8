package org.hotcog.ai.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.hotcog.api.secrets.SecretBox;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every configured value is checked, each error names its field, and the key never shows. */
class ProviderSettingsTest {

    private static ProviderSettings settings(String name, ProviderKind kind, String url, String key, String model,
            Map<String, String> headers, ObjectNode body, Duration timeout) {
        return new ProviderSettings(name, kind, url == null ? null : URI.create(url), key, model, headers, body,
                timeout);
    }

    private static ProviderSettings valid() {
        return settings("openai", ProviderKind.OPENAI, "https://api.openai.com/v1/", "sk-secret-1234567890", "gpt-4o-mini",
                Map.of("OpenAI-Organization", "org-1"), ProviderSettings.parseBody("{\"temperature\": 0.3}"),
                Duration.ofSeconds(60));
    }

    @Test
    void aValidProviderKeepsItsValuesWithoutATrailingSlash() {
        ProviderSettings settings = valid();

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.openai.com/v1"));
        assertThat(settings.resolve("/chat/completions")).isEqualTo(URI.create("https://api.openai.com/v1/chat/completions"));
        assertThat(settings.extraBody().path("temperature").asDouble()).isEqualTo(0.3);
    }

    @Test
    void theKeyShowsOnlyRedactedInToString() {
        assertThat(valid().toString()).doesNotContain("sk-secret").contains("apiKey=sk-…7890")
                .contains("gpt-4o-mini");
        ProviderSettings shortKey = settings("openai", ProviderKind.OPENAI, "https://api.openai.com/v1", "short-key",
                "gpt-4o-mini", Map.of(), null, Duration.ofSeconds(30));
        assertThat(shortKey.toString()).doesNotContain("short").contains("apiKey=" + SecretBox.HIDDEN);
    }

    @Test
    void eachBadValueIsNamed() {
        Duration minute = Duration.ofMinutes(1);
        assertThatThrownBy(() -> settings("Bad Name", ProviderKind.OPENAI, "https://x/v1", "", "m", null, null, minute))
                .hasMessageStartingWith("name:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "ftp://x/v1", "", "m", null, null, minute))
                .hasMessageStartingWith("baseUrl:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "https://x/v1?key=1", "", "m", null, null, minute))
                .hasMessageStartingWith("baseUrl:");
        assertThatThrownBy(() -> settings("p", ProviderKind.GEMINI, "https://x/v1beta", " ", "m", null, null, minute))
                .hasMessageStartingWith("apiKey:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "https://x/v1", "a b", "m", null, null, minute))
                .hasMessageStartingWith("apiKey:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "https://x/v1", "", " ", null, null, minute))
                .hasMessageStartingWith("defaultModel:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "https://x/v1", "", "m",
                Map.of("Authorization", "Bearer x"), null, minute)).hasMessageStartingWith("extraHeaders:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "https://x/v1", "", "m",
                Map.of("X-A", "one\r\ntwo"), null, minute)).hasMessageStartingWith("extraHeaders:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "https://x/v1", "", "m", null,
                ProviderSettings.parseBody("{\"messages\": []}"), minute)).hasMessageStartingWith("extraBody:");
        assertThatThrownBy(() -> settings("p", ProviderKind.OPENAI, "https://x/v1", "", "m", null, null,
                Duration.ofMillis(10))).hasMessageStartingWith("timeout:");
        assertThatThrownBy(() -> ProviderKind.parse("claude")).hasMessageStartingWith("kind:");
    }

    @Test
    void configurationTextIsParsed() {
        assertThat(ProviderSettings.parseHeaders(new String[] {"X-One: 1", "", "X-Two:two: parts"}))
                .containsExactly(Map.entry("X-One", "1"), Map.entry("X-Two", "two: parts"));
        assertThat(ProviderKind.parse(" Gemini ")).isEqualTo(ProviderKind.GEMINI);
        assertThat(ProviderSettings.parseBody(" ").isEmpty()).isTrue();
        assertThatThrownBy(() -> ProviderSettings.parseHeaders(new String[] {"no colon"}))
                .hasMessageStartingWith("extraHeaders:");
        assertThatThrownBy(() -> ProviderSettings.parseBody("[1]")).hasMessageStartingWith("extraBody:");
        assertThatThrownBy(() -> ProviderSettings.parseBody("{oops")).hasMessageStartingWith("extraBody:");
    }
}
