package org.hotcog.ai.internal.provider;

import java.util.Locale;

/** The wire formats a provider can speak, by the name a configuration gives them. */
public enum ProviderKind {
    /** OpenAI's chat completions, as OpenAI and the many compatible servers (vLLM, llama.cpp, LM Studio...) speak them. */
    OPENAI("openai"),
    /** Ollama's own {@code /api/chat}. */
    OLLAMA("ollama"),
    /** Google's Gemini API ({@code generativelanguage.googleapis.com}). */
    GEMINI("gemini");

    private final String configName;

    ProviderKind(String configName) {
        this.configName = configName;
    }

    /** The name in configuration. */
    public String configName() {
        return configName;
    }

    /**
     * @param value a configuration value
     * @return the kind it names, in any case
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ProviderKind parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (ProviderKind kind : values()) {
            if (kind.configName.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("kind: '" + value + "' is none of openai, ollama, gemini");
    }
}
