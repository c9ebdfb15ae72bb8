package org.hotcog.itest.framework.ai;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.emulator.ai.LocalAiProvider;
import org.hotcog.itest.framework.HttpAccess;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A guild of the local Discord with the AI module pointed at bot.emulator's local providers: one provider of each
 * kind (OpenAI-compatible with its key stored sealed, Ollama, Gemini with its key plain), the assistant's own
 * configuration (no cooldown, so that tests ask quickly), and a REST token limited to the guild.
 */
final class AiGuild implements AutoCloseable {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final Set<String> COMMANDS = Set.of("ask", "chat", "ai", "Ask AI about this message");
    static final String PROVIDER_PID = "org.hotcog.ai.provider";
    static final String ASSISTANT_PID = "org.hotcog.ai";

    final DiscordFixture fixture;
    final LocalAiProvider ai;
    final User owner;
    final HttpAccess api;
    final String token;
    private final ConfigurationAdmin configurationAdmin;

    AiGuild(ConfigurationAdmin configurationAdmin, BundleContext context, SecretBox secrets) throws Exception {
        this.configurationAdmin = configurationAdmin;
        ai = LocalAiProvider.start();
        fixture = new DiscordFixture(configurationAdmin);
        owner = fixture.guild.owner();
        assistant(0, 8_000, false);
        provider("local-openai", "openai", ai.openAiBaseUrl(), secrets.seal(ai.apiKey()));
        provider("local-ollama", "ollama", ai.ollamaBaseUrl(), "");
        provider("local-gemini", "gemini", ai.geminiBaseUrl(), ai.apiKey());
        fixture.requireCommands(COMMANDS);
        api = HttpAccess.connect(context);
        token = api.createToken("{\"name\": \"ai-dashboard\", \"role\": \"operator\", \"guilds\": ["
                + fixture.guild.id() + "]}");
        await(() -> {
            try {
                HttpResponse<String> settings = raw("GET", "settings", null);
                return settings.statusCode() == 200 && new ObjectMapper().readTree(settings.body()).path("providers")
                        .size() == 3 ? Optional.of(true) : Optional.empty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "the three providers active");
    }

    /** The assistant's configuration: the default provider, the cooldown, the context budget, direct messages. */
    void assistant(int cooldownSeconds, int contextTokens, boolean directMessages) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("directMessages", directMessages);
        properties.put("defaultProvider", "local-openai");
        properties.put("cooldownSeconds", cooldownSeconds);
        properties.put("contextTokens", contextTokens);
        configurationAdmin.getConfiguration(ASSISTANT_PID, "?").update(properties);
    }

    private void provider(String name, String kind, String baseUrl, String key) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", name);
        properties.put("kind", kind);
        properties.put("baseUrl", baseUrl);
        properties.put(".apiKey", key);
        properties.put("defaultModel", "local-chat");
        properties.put("timeoutSeconds", 2);
        properties.put("prices", new String[] {"local-chat: 1 2"});
        configurationAdmin.getFactoryConfiguration(PROVIDER_PID, name, "?").update(properties);
    }

    User member(String name) {
        User user = fixture.discord.createUser(name);
        fixture.guild.addMember(user);
        return user;
    }

    CommandInvocation command(User user, TextChannel channel, String name) {
        return fixture.discord.command(user, channel, name);
    }

    /** A REST call with the guild's token below {@code ai/<guild>/} that must succeed, as JSON. */
    JsonNode rest(String method, String path, String body) throws Exception {
        HttpResponse<String> response = raw(method, path, body);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response.body().isEmpty() ? null : new ObjectMapper().readTree(response.body());
    }

    HttpResponse<String> raw(String method, String path, String body) throws Exception {
        String full = "ai/" + fixture.guild.id() + "/" + path;
        return body == null ? api.send(method, full, token) : api.sendJson(method, full, token, body);
    }

    /** The first message of {@code channel} that matches, once it has arrived. */
    static Message awaitMessage(TextChannel channel, Predicate<Message> condition) {
        return awaitMessage(channel, condition, WAIT);
    }

    static Message awaitMessage(TextChannel channel, Predicate<Message> condition, Duration wait) {
        return await(() -> channel.messages().stream().filter(condition).findFirst(), "a message in #"
                + channel.name(), wait);
    }

    /** The first message of {@code channel} that matches within {@code wait}, or empty. */
    static Optional<Message> pollMessage(TextChannel channel, Predicate<Message> condition, Duration wait) {
        return poll(() -> channel.messages().stream().filter(condition).findFirst(), wait);
    }

    static <T> T await(Supplier<Optional<T>> probe, String what) {
        return await(probe, what, WAIT);
    }

    static <T> T await(Supplier<Optional<T>> probe, String what, Duration wait) {
        return poll(probe, wait).orElseThrow(() -> new AssertionError("no " + what + " within " + wait));
    }

    /** What {@code probe} finds within {@code wait}, or empty. */
    static <T> Optional<T> poll(Supplier<Optional<T>> probe, Duration wait) {
        for (long deadline = System.nanoTime() + wait.toNanos(); System.nanoTime() < deadline; pause()) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    /** The thread a "Started a conversation ... in <#id>" answer names. */
    TextChannel threadOf(Message started) {
        String content = started.content();
        long id = Long.parseLong(content.substring(content.indexOf("<#") + 2, content.lastIndexOf('>')));
        return fixture.guild.textChannels().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Override
    public void close() throws Exception {
        for (String name : new String[] {"local-openai", "local-ollama", "local-gemini"}) {
            Configuration configuration = configurationAdmin.getFactoryConfiguration(PROVIDER_PID, name, "?");
            if (configuration.getProperties() != null) {
                configuration.delete();
            }
        }
        Configuration assistant = configurationAdmin.getConfiguration(ASSISTANT_PID, "?");
        if (assistant.getProperties() != null) {
            assistant.delete();
        }
        fixture.close();
        ai.close();
    }
}
