package org.hotcog.itest.framework.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.ai.AiGuild.WAIT;
import static org.hotcog.itest.framework.ai.AiGuild.awaitMessage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.hotcog.api.ai.AiTopics;
import org.hotcog.api.secrets.SecretBox;
import org.hotcog.emulator.Choice;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.emulator.ai.AiFault;
import org.hotcog.emulator.ai.AiRequest;
import org.hotcog.emulator.ai.AiTurn;
import org.hotcog.itest.framework.StandardErrorCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The AI assistant as members and admins use it in the local Discord, answered by bot.emulator's local providers
 * in their real wire formats: streaming into paced edits for each kind of provider, conversations in a /chat thread
 * and from a mention, trimming, quotas, each failure, mentions that ping no one, keys that show nowhere, and a
 * bundle update in the middle of a conversation.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AiTest {
    static AiGuild ai;
    static StandardErrorCapture log;
    static BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    static ServiceRegistration<EventHandler> listener;
    static String openAiKey;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectService(timeout = 20_000) SecretBox secrets, @InjectBundleContext BundleContext context)
            throws Exception {
        log = new StandardErrorCapture();
        ai = new AiGuild(configurationAdmin, context, secrets);
        openAiKey = ai.ai.apiKey();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "bot/ai/*");
        listener = context.registerService(EventHandler.class, events::add, properties);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (listener != null) {
            listener.unregister();
        }
        if (ai != null) {
            ai.close();
        }
        if (log != null) {
            log.close();
        }
    }

    @BeforeEach
    void fresh() throws Exception {
        ai.ai.reset();
        ai.ai.tokenDelay(Duration.ZERO);
        ai.rest("PUT", "settings", "{\"provider\": \"\", \"model\": \"\", \"persona\": \"\"}");
    }

    /** Runs {@code /ask} as {@code user} and waits for the finished answer. */
    static InteractionResult ask(User user, String prompt) {
        return ai.command(user, ai.fixture.general, "ask").option("prompt", prompt).send();
    }

    static Message answered(InteractionResult asked, String expected) {
        return asked.awaitOriginal(WAIT, m -> m.content().equals(expected));
    }

    static Event awaitEvent(long userId) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && Long.valueOf(userId).equals(event.getProperty(AiTopics.USER_ID))) {
                return event;
            }
        }
        throw new AssertionError("no AI event for user " + userId);
    }

    @Test
    @Order(1)
    void eachKindOfProviderStreamsIntoPacedEditsThatPingNoOne() throws Exception {
        User alice = ai.fixture.alice;
        StringBuilder words = new StringBuilder("Hello @everyone and <@" + alice.id() + "> and <@&"
                + ai.fixture.guild.everyoneRole().id() + ">:");
        for (int i = 1; i <= 24; i++) {
            words.append(" word").append(i);
        }
        String answer = words.toString();
        for (String provider : List.of("local-openai", "local-ollama", "local-gemini")) {
            assertThat(ai.command(ai.owner, ai.fixture.general, "ai").subcommand("model")
                    .option("model", "local-chat").option("provider", provider).send().awaitReply(WAIT).content())
                    .isEqualTo("The AI answers with **local-chat** of " + provider + " in this server.");
            ai.ai.tokenDelay(Duration.ofMillis(120));
            ai.ai.answerNext(answer);
            events.clear();
            long start = System.nanoTime();
            Message shown = answered(ask(alice, "Say hello to " + provider), answer);
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            // streamed: several edits, at most one a second (the first text, then the paced ones, then the last)
            assertThat(elapsedMillis).as(provider).isGreaterThan(2_500);
            assertThat(shown.editCount()).as(provider).isGreaterThanOrEqualTo(3)
                    .isLessThanOrEqualTo((int) (elapsedMillis / 1_000) + 2);
            // nothing the model writes pings anyone
            assertThat(shown.allowedMentions()).as(provider).isPresent();
            assertThat(shown.allowedMentions().get().get("parse")).isEqualTo(List.of());
            assertThat(shown.allowedMentions().get()).doesNotContainKeys("users", "roles");

            AiRequest request = ai.ai.requests().get(ai.ai.requests().size() - 1);
            assertThat(request.format().name().toLowerCase()).isEqualTo(provider.substring("local-".length()));
            Event event = awaitEvent(alice.id());
            assertThat(event.getProperty(AiTopics.PROVIDER)).isEqualTo(provider);
            assertThat(event.getProperty(AiTopics.MODEL)).isEqualTo("local-chat");
            assertThat(event.getProperty(AiTopics.OUTCOME)).isEqualTo("OK");
            assertThat(event.getProperty(AiTopics.COMPLETION_TOKENS)).isEqualTo(30);
            assertThat(event.getProperty(AiTopics.GUILD_ID)).isEqualTo(ai.fixture.guild.id());
            assertThat((Long) event.getProperty(AiTopics.LATENCY_MS)).isPositive();
            for (String key : event.getPropertyNames()) {
                assertThat(String.valueOf(event.getProperty(key))).doesNotContain("word1", "Say hello");
            }
        }
    }

    @Test
    @Order(2)
    void aMentionAndTheMessageMenuStartConversationsAndAChatThreadContinuesOne() throws Exception {
        User bea = ai.member("bea");
        long botId = ai.fixture.discord.botUser().id();
        ai.ai.answerNext("Hi bea, how can I help?");
        Message question = ai.fixture.general.post(bea, "<@" + botId + "> hello there");
        Message reply = awaitMessage(ai.fixture.general, m -> m.author().id() == botId
                && m.content().equals("Hi bea, how can I help?"));
        assertThat(reply.allowedMentions()).isPresent();
        assertThat(ai.ai.requests().get(ai.ai.requests().size() - 1).lastUserText()).isEqualTo("hello there");

        // the message menu asks about the message
        ai.ai.answerNext("It is a greeting.");
        InteractionResult about = ai.fixture.discord.messageCommand(bea, question, "Ask AI about this message");
        answered(about, "It is a greeting.");
        assertThat(ai.ai.requests().get(ai.ai.requests().size() - 1).lastUserText()).contains("bea", "hello there");

        // a /chat thread: each message continues, with the earlier turns as history
        Message started = ai.command(bea, ai.fixture.general, "chat").option("topic", "Trip planning").send()
                .awaitReply(WAIT);
        assertThat(started.content()).startsWith("Started a conversation with the AI in <#");
        TextChannel thread = ai.threadOf(started);
        assertThat(thread.thread()).isTrue();
        assertThat(thread.name()).isEqualTo("Trip planning");
        ai.ai.answerNext("Lisbon is lovely in May.");
        thread.post(bea, "Where should I go in May?");
        awaitMessage(thread, m -> m.content().equals("Lisbon is lovely in May."));
        ai.ai.answerNext("Three days are enough.");
        thread.post(bea, "How long should I stay?");
        awaitMessage(thread, m -> m.content().equals("Three days are enough."));
        AiRequest second = ai.ai.requests().get(ai.ai.requests().size() - 1);
        assertThat(second.turns()).extracting(AiTurn::text).containsExactly("Where should I go in May?",
                "Lisbon is lovely in May.", "How long should I stay?");

        // a persona the admins defined becomes the system prompt
        ai.rest("PUT", "personas/guide", "{\"prompt\": \"You are a travel guide.\"}");
        assertThat(ai.command(ai.owner, ai.fixture.general, "ai").subcommand("persona").option("name", "guide")
                .send().awaitReply(WAIT).content()).isEqualTo("The AI answers as **guide** in this server.");
        ai.ai.answerNext("Noted.");
        thread.post(bea, "And the food?");
        awaitMessage(thread, m -> m.content().equals("Noted."));
        assertThat(ai.ai.requests().get(ai.ai.requests().size() - 1).systemPrompt()).isEqualTo("You are a travel guide.");

        // /ai reset forgets the thread's conversation
        assertThat(ai.command(bea, thread, "ai").subcommand("reset").send().awaitReply(WAIT).content())
                .startsWith("The AI forgot this conversation (6 messages)");
        ai.ai.answerNext("Fresh start.");
        thread.post(bea, "Hello again");
        awaitMessage(thread, m -> m.content().equals("Fresh start."));
        assertThat(ai.ai.requests().get(ai.ai.requests().size() - 1).turns()).extracting(AiTurn::text)
                .containsExactly("Hello again");
    }

    @Test
    @Order(3)
    void aLongConversationIsTrimmedToTheBudgetOldestFirst() throws Exception {
        User cy = ai.member("cy");
        ai.assistant(0, 256, false);
        try {
            TextChannel thread = ai.threadOf(ai.command(cy, ai.fixture.general, "chat").send().awaitReply(WAIT));
            for (int i = 1; i <= 3; i++) {
                ai.ai.answerNext("answer " + i);
                thread.post(cy, "question " + i + " " + "x".repeat(380));
                int n = i;
                awaitMessage(thread, m -> m.content().equals("answer " + n));
            }
            // about 100 tokens a question: the third does not fit with both earlier ones
            List<String> sent = ai.ai.requests().get(ai.ai.requests().size() - 1).turns().stream()
                    .map(AiTurn::text).toList();
            assertThat(sent.get(sent.size() - 1)).startsWith("question 3");
            assertThat(sent).noneMatch(text -> text.startsWith("question 1"));
            assertThat(sent.get(0)).startsWith("question");
        } finally {
            ai.assistant(0, 8_000, false);
        }
    }

    @Test
    @Order(4)
    void aQuotaReachedSaysWhenItResetsAndLiftingItLetsTheMemberAskAgain() throws Exception {
        User quinn = ai.member("quinn");
        ai.rest("PUT", "quotas/member/0", "{\"requestsPerHour\": 1}");
        try {
            ai.ai.answerNext("first");
            answered(ask(quinn, "one"), "first");
            int calls = ai.ai.requests().size();
            Message refused = ask(quinn, "two").awaitOriginal(WAIT, m -> m.content().startsWith("⏳"));
            assertThat(refused.content()).isEqualTo(
                    "⏳ You reached your limit of 1 AI request per hour; it resets in 1 h.");
            assertThat(ai.ai.requests()).hasSize(calls);
            assertThat(ai.command(quinn, ai.fixture.general, "ai").subcommand("usage").send().awaitReply(WAIT)
                    .content()).contains("Last hour: 1 request of 1,");
            JsonNode usage = ai.rest("GET", "usage?user=" + quinn.id(), null);
            assertThat(usage.path("requests").asLong()).isEqualTo(1);
            assertThat(usage.path("calls").get(0).path("outcome").asText()).isEqualTo("OK");
        } finally {
            ai.rest("DELETE", "quotas/member/0", null);
        }
        ai.ai.answerNext("third");
        answered(ask(quinn, "three"), "third");
    }

    @Test
    @Order(5)
    void everyFailureEndsInAShortNoteAndACutAnswerIsKeptAndMarked() throws Exception {
        User dee = ai.member("dee");
        ai.ai.failNext(AiFault.unauthorized());
        answered(ask(dee, "a"), "⚠ No answer: the AI provider refused this bot's key; an admin needs to check it.");

        int before = ai.ai.requests().size();
        ai.ai.failNext(AiFault.rateLimited(1));
        ai.ai.answerNext("after the wait");
        answered(ask(dee, "b"), "after the wait");
        assertThat(ai.ai.requests()).hasSize(before + 2);

        ai.ai.failNext(AiFault.serverError(503));
        answered(ask(dee, "c"), "⚠ No answer: the AI provider had an error.");

        ai.ai.failNext(AiFault.cutAfter(3));
        ai.ai.answerNext("one two three four five six");
        Message cut = ask(dee, "d").awaitOriginal(WAIT, m -> m.content().contains("⚠"));
        assertThat(cut.content()).startsWith("one two").doesNotContain("four")
                .endsWith("-# ⚠ The answer was cut: the connection to the AI provider dropped.");

        ai.ai.failNext(AiFault.slowFirstByte(Duration.ofSeconds(4)));
        answered(ask(dee, "e"), "⚠ No answer: the AI provider took too long to answer.");

        ai.ai.failNext(AiFault.malformedAfter(2));
        ai.ai.answerNext("alpha beta gamma delta");
        Message unreadable = ask(dee, "f").awaitOriginal(WAIT, m -> m.content().contains("⚠"));
        assertThat(unreadable.content()).startsWith("alpha").doesNotContain("delta")
                .endsWith("-# ⚠ The answer was cut: the AI provider sent something unreadable.");

        ai.ai.failNext(AiFault.errorAfter(2));
        ai.ai.answerNext("first second third fourth");
        Message failedLate = ask(dee, "g").awaitOriginal(WAIT, m -> m.content().contains("⚠"));
        assertThat(failedLate.content()).startsWith("first").doesNotContain("fourth").contains("-# ⚠ The answer was cut");

        JsonNode calls = ai.rest("GET", "usage?user=" + dee.id() + "&provider=local-openai", null).path("calls");
        assertThat(calls.findValuesAsText("outcome")).containsExactly("SERVER_ERROR", "MALFORMED_CHUNK", "TIMEOUT",
                "CUT_STREAM", "SERVER_ERROR", "OK", "UNAUTHORIZED");
    }

    @Test
    @Order(6)
    void theBundleUpdatedInTheMiddleOfAConversationContinuesIt(@InjectBundleContext BundleContext context)
            throws Exception {
        User eve = ai.member("eve");
        TextChannel thread = ai.threadOf(ai.command(eve, ai.fixture.general, "chat").send().awaitReply(WAIT));
        ai.ai.answerNext("before the update");
        thread.post(eve, "remember the number 42");
        awaitMessage(thread, m -> m.content().equals("before the update"));

        updateTheBundle(context);
        askUntilAnswered(thread, eve, "what was the number?", "after the update");
        assertThat(ai.ai.requests().get(ai.ai.requests().size() - 1).turns()).extracting(AiTurn::text)
                .startsWith("remember the number 42", "before the update");
    }

    /** Updates the AI bundle in place and waits until it is back, with its commands in Discord. */
    static void updateTheBundle(BundleContext context) throws Exception {
        Bundle bundle = List.of(context.getBundles()).stream()
                .filter(b -> "org.hotcog.ai".equals(b.getSymbolicName())).findFirst().orElseThrow();
        bundle.update();
        AiGuild.await(() -> bundle.getState() == Bundle.ACTIVE && bundle.getRegisteredServices() != null
                && bundle.getRegisteredServices().length > 10 ? Optional.of(true) : Optional.empty(),
                "the AI bundle active again");
        ai.fixture.requireCommands(AiGuild.COMMANDS);
    }

    /**
     * Posts the question in the thread until it is answered: right after an update the listener may not be back
     * yet, and a message it did not see is not part of the conversation.
     */
    static void askUntilAnswered(TextChannel thread, User user, String question, String answer) {
        ai.ai.answerNext(answer);
        AiGuild.await(() -> {
            thread.post(user, question);
            return AiGuild.pollMessage(thread, m -> m.content().equals(answer), Duration.ofSeconds(3));
        }, "an answer after the update");
    }

    @Test
    @Order(7)
    void accessListsDirectMessagesAndTheCooldownRefuseBeforeAnyCall() throws Exception {
        User fay = ai.member("fay");
        int calls = ai.ai.requests().size();
        ai.rest("PUT", "access/user/" + fay.id(), "{\"allowed\": false}");
        try {
            Message refused = ask(fay, "hi").awaitReply(WAIT);
            assertThat(refused.ephemeral()).isTrue();
            assertThat(refused.content()).isEqualTo("You may not use the AI in this server.");
        } finally {
            ai.rest("DELETE", "access/user/" + fay.id(), null);
        }
        TextChannel only = ai.fixture.guild.createTextChannel("ai-only");
        ai.rest("PUT", "access/channel/" + only.id(), "{\"allowed\": true}");
        try {
            assertThat(ask(fay, "hi").awaitReply(WAIT).content())
                    .isEqualTo("The AI answers only in some channels of this server, not in this one.");
            assertThat(ai.ai.requests()).as("refusals call no provider").hasSize(calls);
            ai.ai.answerNext("in the right channel");
            answered(ai.command(fay, only, "ask").option("prompt", "hi").send(), "in the right channel");
        } finally {
            ai.rest("DELETE", "access/channel/" + only.id(), null);
        }
        assertThat(ai.raw("PUT", "access/planet/1", "{\"allowed\": true}").statusCode()).isEqualTo(400);

        // direct messages: ignored while off, answered once on
        ai.fixture.discord.postDm(fay, "are you there?");
        Thread.sleep(1_500);
        assertThat(ai.fixture.discord.dmsOf(fay)).noneMatch(m -> m.author().id() == ai.fixture.discord.botUser().id());
        ai.assistant(0, 8_000, true);
        try {
            // the configuration reaches the assistant a moment later: asked until it is answered
            ai.ai.answerNext("Yes, in private.");
            AiGuild.await(() -> {
                ai.fixture.discord.postDm(fay, "are you there now?");
                return AiGuild.poll(() -> ai.fixture.discord.dmsOf(fay).stream()
                        .filter(m -> m.content().equals("Yes, in private.")).findFirst(), Duration.ofSeconds(3));
            }, "an answer in the DM");
        } finally {
            ai.assistant(0, 8_000, false);
        }

        // the cooldown refuses a second question too soon, before any call (once the configuration is in force)
        ai.assistant(30, 8_000, false);
        try {
            Message slow = AiGuild.await(() -> {
                ask(fay, "one").awaitOriginal(WAIT, m -> !m.loading() && !m.content().isEmpty());
                int before = ai.ai.requests().size();
                Message second = ask(fay, "two").awaitReply(WAIT);
                return second.content().startsWith("Slow down") && ai.ai.requests().size() == before
                        ? Optional.of(second) : Optional.empty();
            }, "the cooldown in force");
            assertThat(slow.ephemeral()).isTrue();
            assertThat(slow.content()).matches("Slow down: you can ask the AI again in \\d+ s\\.");
        } finally {
            ai.assistant(0, 8_000, false);
        }
    }

    @Test
    @Order(8)
    void theKeysShowNeitherInTheLogNorInTheApi() throws Exception {
        String settings = ai.raw("GET", "settings", null).body();
        assertThat(settings).contains("local-openai", "local-gemini").doesNotContain(openAiKey, "apiKey", "127.0.0.1");
        assertThat(ai.raw("GET", "usage", null).body()).doesNotContain(openAiKey);
        assertThat(log.text()).contains("AI provider").doesNotContain(openAiKey);
    }

    @Test
    @Order(9)
    void modelsAreOfferedFromTheProvidersOwnListAndAnUnknownOneIsRefused() throws Exception {
        List<Choice> all = ai.command(ai.owner, ai.fixture.general, "ai").subcommand("model")
                .option("provider", "local-ollama").autocomplete("model", "");
        assertThat(all).extracting(Choice::name).containsExactly("local-chat", "local-vision");
        List<Choice> typed = ai.command(ai.owner, ai.fixture.general, "ai").subcommand("model")
                .option("provider", "local-gemini").autocomplete("model", "vis");
        assertThat(typed).extracting(Choice::name).containsExactly("local-vision");

        Message unknown = ai.command(ai.owner, ai.fixture.general, "ai").subcommand("model")
                .option("model", "gpt-9").option("provider", "local-ollama").send().awaitReply(WAIT);
        assertThat(unknown.ephemeral()).isTrue();
        assertThat(unknown.content()).isEqualTo("local-ollama has no model named gpt-9; the list offers its models.");
        Message notAdmin = ai.command(ai.fixture.alice, ai.fixture.general, "ai").subcommand("model")
                .option("model", "local-vision").send().awaitReply(WAIT);
        assertThat(notAdmin.ephemeral()).isTrue();
        assertThat(notAdmin.content()).startsWith("You need the Manage Server permission");
        assertThat(ai.rest("GET", "settings", null).path("model").isNull()).isTrue();

        // a channel's choice over the server's: Gemini's vision model there, the default elsewhere
        TextChannel vision = ai.fixture.guild.createTextChannel("vision");
        assertThat(ai.command(ai.owner, vision, "ai").subcommand("model").option("model", "local-vision")
                .option("provider", "local-gemini").option("scope", "channel").send().awaitReply(WAIT).content())
                .isEqualTo("The AI answers with **local-vision** of local-gemini in <#" + vision.id() + ">.");
        ai.ai.answerNext("from gemini");
        answered(ai.command(ai.fixture.alice, vision, "ask").option("prompt", "which model?").send(), "from gemini");
        AiRequest there = ai.ai.requests().get(ai.ai.requests().size() - 1);
        assertThat(there.format()).isEqualTo(org.hotcog.emulator.ai.WireFormat.GEMINI);
        assertThat(there.model()).isEqualTo("local-vision");
        ai.ai.answerNext("from openai");
        answered(ask(ai.fixture.alice, "and here?"), "from openai");
        AiRequest here = ai.ai.requests().get(ai.ai.requests().size() - 1);
        assertThat(here.format()).isEqualTo(org.hotcog.emulator.ai.WireFormat.OPENAI);
        assertThat(here.model()).isEqualTo("local-chat");

        // usage by model and time
        JsonNode gemini = ai.rest("GET", "usage?model=local-vision&provider=local-gemini", null);
        assertThat(gemini.path("requests").asLong()).isEqualTo(1);
        assertThat(gemini.path("calls").get(0).path("channelId").asText()).isEqualTo(Long.toString(vision.id()));
        assertThat(ai.rest("GET", "usage?from=2099-01-01T00:00:00Z", null).path("requests").asLong()).isZero();
        assertThat(ai.raw("GET", "usage?from=yesterday", null).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(10)
    void aBundleUpdatedWhileAnAnswerStreamsEndsItMarkedAndTheConversationContinues(
            @InjectBundleContext BundleContext context) throws Exception {
        User gus = ai.member("gus");
        TextChannel thread = ai.threadOf(ai.command(gus, ai.fixture.general, "chat").send().awaitReply(WAIT));
        Message streaming = streamALongStory(thread, gus, 80);

        updateTheBundle(context);
        Message cut = AiGuild.await(() -> streaming.content().contains("⚠") ? Optional.of(streaming)
                : Optional.empty(), "the streaming answer marked");
        assertThat(cut.content()).startsWith("once w").doesNotContain("w80")
                .contains("-# ⚠ The answer was cut");

        ai.ai.tokenDelay(Duration.ZERO);
        askUntilAnswered(thread, gus, "go on", "the end");
        List<String> sent = ai.ai.requests().get(ai.ai.requests().size() - 1).turns().stream().map(AiTurn::text)
                .toList();
        assertThat(sent.get(0)).isEqualTo("tell me a long story");
        assertThat(sent.get(1)).startsWith("once w").doesNotContain("w80");
        assertThat(sent.get(sent.size() - 1)).isEqualTo("go on");
    }

    @Test
    @Order(10)
    void anAnswerDeletedWhileItStreamsStopsTheProvider() throws Exception {
        User ida = ai.member("ida");
        TextChannel thread = ai.threadOf(ai.command(ida, ai.fixture.general, "chat").send().awaitReply(WAIT));
        Message streaming = streamALongStory(thread, ida, 100);
        long botId = ai.fixture.discord.botUser().id();

        streaming.deleteByUser();

        // the next edit meets Discord's Unknown Message, and the provider's connection is closed then, not after the
        // ten seconds the answer would have taken
        AiGuild.await(() -> ai.ai.abandonedStreams() == 1 ? Optional.of(true) : Optional.empty(),
                "the provider's stream abandoned");
        assertThat(thread.messages()).noneMatch(m -> m.author().id() == botId && m.content().contains("w100"));
    }

    /**
     * Asks in a chat thread for a story of {@code words} words ("once w1 w2 ...") that the provider streams a word
     * every 100 ms; returns the answer's message once it shows the first words.
     */
    private static Message streamALongStory(TextChannel thread, User user, int words) {
        StringBuilder story = new StringBuilder("once");
        for (int i = 1; i <= words; i++) {
            story.append(" w").append(i);
        }
        ai.ai.tokenDelay(Duration.ofMillis(100));
        ai.ai.answerNext(story.toString());
        long botId = ai.fixture.discord.botUser().id();
        thread.post(user, "tell me a long story");
        return awaitMessage(thread, m -> m.author().id() == botId && m.content().startsWith("once w"));
    }

    @Test
    @Order(11)
    void aReplyToAnAnswerContinuesItsChainAndAttachedImagesGoToAModelThatTakesThem() throws Exception {
        User hal = ai.member("hal");
        long botId = ai.fixture.discord.botUser().id();
        ai.ai.answerNext("Paris.");
        ai.fixture.general.post(hal, "<@" + botId + "> what is the capital of France?");
        Message answer = awaitMessage(ai.fixture.general, m -> m.author().id() == botId && m.content().equals("Paris."));

        // the reply chain is the history; the answer is kept a moment after its last edit shows, and a reply
        // before that is an ordinary message (the README's known limit): replied until it is answered
        ai.ai.answerNext("About two million.");
        AiGuild.await(() -> {
            ai.fixture.general.reply(hal, answer, "and how many people live there?");
            return AiGuild.pollMessage(ai.fixture.general, m -> m.author().id() == botId
                    && m.content().equals("About two million."), Duration.ofSeconds(3));
        }, "an answer to the reply");
        assertThat(ai.ai.requests().get(ai.ai.requests().size() - 1).turns()).extracting(AiTurn::text)
                .containsExactly("what is the capital of France?", "Paris.", "and how many people live there?");

        // an image goes to a model that takes images, as the provider's wire format carries them
        byte[] png = redSquare();
        TextChannel pictures = ai.fixture.guild.createTextChannel("pictures");
        ai.command(ai.owner, pictures, "ai").subcommand("model").option("model", "local-vision")
                .option("provider", "local-openai").option("scope", "channel").send().awaitReply(WAIT);
        ai.ai.answerNext("A red square.");
        pictures.post(hal, "<@" + botId + "> what is this?", Map.of("square.png", png));
        awaitMessage(pictures, m -> m.author().id() == botId && m.content().equals("A red square."));
        AiTurn asked = ai.ai.requests().get(ai.ai.requests().size() - 1).turns().get(0);
        assertThat(asked.text()).isEqualTo("what is this?");
        assertThat(asked.images()).singleElement().satisfies(image -> {
            assertThat(image.mimeType()).isEqualTo("image/png");
            assertThat(image.data()).isEqualTo(png);
        });

        // a model without images answers the text alone, and says so
        ai.ai.answerNext("I read your words.");
        ai.fixture.general.post(hal, "<@" + botId + "> and this one?", Map.of("square.png", png));
        // the note comes with the final edit
        Message textOnly = awaitMessage(ai.fixture.general, m -> m.author().id() == botId
                && m.content().startsWith("I read your words.") && m.content().contains("-#"));
        assertThat(textOnly.content())
                .isEqualTo("I read your words.\n-# This model does not take images: it answered the text alone.");
        assertThat(ai.ai.requests().get(ai.ai.requests().size() - 1).turns().get(0).images()).isEmpty();
    }

    @Test
    @Order(12)
    void adminsDefineAndRemovePersonasFromDiscordAndBadOnesAreRefused() throws Exception {
        String defined = ai.command(ai.owner, ai.fixture.general, "ai").subcommand("persona-define")
                .option("name", "Pirate").option("prompt", "Answer like a pirate.").send().awaitReply(WAIT).content();
        assertThat(defined).isEqualTo("Saved the persona **pirate**; choose it with `/ai persona`.");
        assertThat(ai.rest("GET", "personas", null).findValuesAsText("prompt")).contains("Answer like a pirate.");

        Message badName = ai.command(ai.owner, ai.fixture.general, "ai").subcommand("persona-define")
                .option("name", "no spaces allowed").option("prompt", "x").send().awaitReply(WAIT);
        assertThat(badName.ephemeral()).isTrue();
        assertThat(badName.content()).startsWith("The persona cannot be saved: ");
        Message notAdmin = ai.command(ai.fixture.alice, ai.fixture.general, "ai").subcommand("persona-remove")
                .option("name", "pirate").send().awaitReply(WAIT);
        assertThat(notAdmin.content()).startsWith("You need the Manage Server permission");

        assertThat(ai.command(ai.owner, ai.fixture.general, "ai").subcommand("persona-remove").option("name", "pirate")
                .send().awaitReply(WAIT).content()).isEqualTo("Removed the persona **pirate**.");
        assertThat(ai.rest("GET", "personas", null).findValuesAsText("name")).doesNotContain("pirate");
        assertThat(ai.command(ai.owner, ai.fixture.general, "ai").subcommand("persona-remove").option("name", "pirate")
                .send().awaitReply(WAIT).content()).isEqualTo("This server has no persona named pirate.");
    }

    /** A 16 by 16 red PNG. */
    static byte[] redSquare() throws IOException {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.RED);
        graphics.fillRect(0, 0, 16, 16);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
