package org.hotcog.ai.internal.provider;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

import org.hotcog.ai.internal.usage.Prices;
import org.hotcog.api.secrets.SecretBox;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured provider as a service of this bundle: built from its factory configuration, checked (a bad
 * value fails the activation with a message naming it), and closed, with its threads, when the configuration or
 * the bundle goes away. The key may be stored sealed ({@link SecretBox}: the core seals every password attribute
 * of a stored configuration) or plain; the rewrite that seals it changes nothing the provider does, so a
 * modification that leaves the settings as they were keeps the provider and the calls it is streaming.
 */
@Component(service = ChatProvider.class, configurationPid = ProviderConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProviderConfig.class, factory = true)
public final class ProviderService implements ChatProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderService.class);

    private final UnaryOperator<String> environment;
    private final UnaryOperator<String> opener;
    private volatile HttpChatProvider provider;
    private volatile Prices prices;

    /**
     * @param config the provider's configuration
     * @param secrets opens a sealed key
     * @throws IllegalArgumentException naming the configuration key that is wrong
     */
    @Activate
    public ProviderService(ProviderConfig config, @Reference SecretBox secrets) {
        this(config, System::getenv, key -> secrets.isSealed(key) ? secrets.open(key) : key);
    }

    ProviderService(ProviderConfig config, UnaryOperator<String> environment, UnaryOperator<String> opener) {
        this.environment = environment;
        this.opener = opener;
        this.prices = Prices.parse(config.prices());
        this.provider = new HttpChatProvider(settings(config, environment, opener));
        LOG.info("AI provider ready: {}", provider.settings());
    }

    /**
     * A changed configuration: the same settings (the core sealed the key in place) keep the provider as it is;
     * others replace it for new calls, while the old one finishes the answers it is streaming, then closes.
     *
     * @param config the new configuration
     * @throws IllegalArgumentException naming the configuration key that is wrong (the provider then goes)
     */
    @Modified
    void modified(ProviderConfig config) {
        ProviderSettings changed = settings(config, environment, opener);
        prices = Prices.parse(config.prices());
        if (changed.equals(provider.settings())) {
            return;
        }
        HttpChatProvider old = provider;
        provider = new HttpChatProvider(changed);
        old.retire();
        LOG.info("AI provider changed: {}", changed);
    }

    /**
     * @param config a configuration
     * @param environment reads an environment variable (null when unset)
     * @param opener opens a sealed key (and returns a plain one as it is)
     * @return the settings it describes
     * @throws IllegalArgumentException naming the configuration key that is wrong (never quoting the key)
     */
    static ProviderSettings settings(ProviderConfig config, UnaryOperator<String> environment,
            UnaryOperator<String> opener) {
        ProviderKind kind = ProviderKind.parse(config.kind());
        String variable = config.apiKeyVariable().trim();
        if (!variable.isEmpty() && !config._apiKey().isEmpty()) {
            throw new IllegalArgumentException("apiKeyVariable: set either the API key or its variable, not both");
        }
        String key;
        try {
            key = config._apiKey().isEmpty() ? "" : opener.apply(config._apiKey());
        } catch (RuntimeException e) {
            // the box's own message says why (another key, a damaged text) without the secret
            throw new IllegalArgumentException(".apiKey: the sealed key cannot be opened: " + e.getMessage());
        }
        if (!variable.isEmpty()) {
            key = environment.apply(variable);
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("apiKeyVariable: the environment variable " + variable
                        + " is not set");
            }
        }
        String url = config.baseUrl().isBlank() ? publicUrl(kind) : config.baseUrl().trim();
        URI baseUrl;
        try {
            baseUrl = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl: '" + url + "' is not a URL");
        }
        if (config.timeoutSeconds() < 1) {
            throw new IllegalArgumentException("timeoutSeconds: " + config.timeoutSeconds() + " is not positive");
        }
        return new ProviderSettings(config.name(), kind, baseUrl, key, config.defaultModel(),
                ProviderSettings.parseHeaders(config.extraHeaders()), ProviderSettings.parseBody(config.extraBody()),
                Duration.ofSeconds(config.timeoutSeconds()));
    }

    /** Where each service answers on the internet. */
    static String publicUrl(ProviderKind kind) {
        return switch (kind) {
            case OPENAI -> "https://api.openai.com/v1";
            case OLLAMA -> "http://127.0.0.1:11434";
            case GEMINI -> "https://generativelanguage.googleapis.com/v1beta";
        };
    }

    @Override
    public ProviderSettings settings() {
        return provider.settings();
    }

    @Override
    public Prices prices() {
        return prices;
    }

    @Override
    public CompletableFuture<Completion> chat(ChatRequest request, StreamSink sink) {
        return provider.chat(request, sink);
    }

    @Override
    public CompletableFuture<List<String>> models() {
        return provider.models();
    }

    @Deactivate
    void deactivate() {
        provider.close();
    }
}
