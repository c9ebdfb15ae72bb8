package org.hotcog.ai.internal.provider;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One AI provider: a factory configuration, one per provider, so several can be active at once. */
@ObjectClassDefinition(id = ProviderConfig.PID, name = "Hotcog AI provider",
        description = "An OpenAI-compatible, Ollama or Gemini provider that guilds can choose for their AI assistant.")
public @interface ProviderConfig {
    String PID = "org.hotcog.ai.provider";

    @AttributeDefinition(name = "Name", description = "How guilds and admins name this provider: a-z, 0-9, - and _.")
    String name();

    @AttributeDefinition(name = "Kind", description = "The wire format the provider speaks.", options = {
        @Option(value = "openai", label = "OpenAI-compatible (OpenAI, vLLM, llama.cpp, LM Studio...)"),
        @Option(value = "ollama", label = "Ollama"),
        @Option(value = "gemini", label = "Google Gemini")})
    String kind() default "openai";

    @AttributeDefinition(name = "Base URL", required = false, description = "Empty for the service itself: "
            + "https://api.openai.com/v1, http://127.0.0.1:11434 or https://generativelanguage.googleapis.com/v1beta.")
    String baseUrl() default "";

    /**
     * A password attribute: the core seals it ({@code SecretBox}) in the stored configuration, and the provider
     * takes it sealed or plain. Never logged nor shown.
     */
    @AttributeDefinition(name = "API key", type = AttributeType.PASSWORD, required = false,
            description = "Sealed with the bot's secret key where the configuration is stored; or use the "
                    + "environment variable below.")
    String _apiKey() default "";

    @AttributeDefinition(name = "API key variable", required = false,
            description = "The environment variable that holds the key, e.g. OPENAI_API_KEY.")
    String apiKeyVariable() default "";

    @AttributeDefinition(name = "Default model", description = "The model used where a guild or channel chose none.")
    String defaultModel();

    @AttributeDefinition(name = "Extra headers", required = false,
            description = "'Name: value' lines added to every request (not the key's header).")
    String[] extraHeaders() default {};

    @AttributeDefinition(name = "Extra body", required = false,
            description = "A JSON object merged into every chat request, e.g. {\"temperature\": 0.7}.")
    String extraBody() default "";

    @AttributeDefinition(name = "Prices", required = false, description = "'model: prompt completion' lines: the "
            + "prices of 1,000 prompt and 1,000 completion tokens, in the currency usage reports show; '*' for any "
            + "other model. Without a price a call costs 0.")
    String[] prices() default {};

    @AttributeDefinition(name = "Timeout (s)",
            description = "How long the provider may stay silent: before its first byte and between two chunks.")
    int timeoutSeconds() default 60;
}
