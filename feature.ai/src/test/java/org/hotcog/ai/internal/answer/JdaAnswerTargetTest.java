package org.hotcog.ai.internal.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.ai.internal.provider.ChatRequest;
import org.hotcog.ai.internal.provider.HttpChatProvider;
import org.hotcog.ai.internal.provider.ProviderKind;
import org.hotcog.ai.internal.provider.ProviderSettings;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.emulator.ai.LocalAiProvider;

/**
 * Answers streamed from a local provider into the local Discord by the real JDA client: as a slash command's
 * reply with follow-ups, and as a reply to a message; edits paced, nothing pinging.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class JdaAnswerTargetTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration INTERVAL = Duration.ofMillis(300);

    private static LocalDiscord discord;
    private static LocalAiProvider ai;
    private static HttpChatProvider provider;
    private static ScheduledExecutorService scheduler;
    private static JDA jda;
    private static User alice;
    private static TextChannel general;

    @BeforeAll
    static void connect() throws InterruptedException {
        discord = LocalDiscord.start();
        Guild guild = discord.createGuild("Demo");
        alice = discord.createUser("alice");
        guild.addMember(alice);
        general = guild.createTextChannel("general");
        ai = LocalAiProvider.start();
        ai.tokenDelay(Duration.ofMillis(5));
        provider = new HttpChatProvider(new ProviderSettings("local", ProviderKind.OLLAMA,
                URI.create(ai.ollamaBaseUrl()), "", "local-chat", Map.of(), null, Duration.ofSeconds(10)));
        scheduler = Executors.newSingleThreadScheduledExecutor();
        jda = JDABuilder.createLight(discord.botToken(), GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return discord.gatewayUrl();
                    }
                })
                .addEventListeners(new Bot())
                .build();
        jda.awaitReady();
        jda.updateCommands().addCommands(Commands.slash("ask", "Asks the model")
                .addOption(OptionType.STRING, "prompt", "What to ask", true)).complete();
    }

    @AfterAll
    static void disconnect() {
        if (jda != null) {
            jda.shutdownNow();
        }
        provider.close();
        scheduler.shutdownNow();
        ai.close();
        discord.close();
    }

    /** The smallest bot that streams answers: what the AI commands do, without their settings and quotas. */
    static final class Bot extends ListenerAdapter {
        @Override
        public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
            String prompt = event.getOption("prompt").getAsString();
            event.deferReply().queue(hook -> answer(JdaAnswerTarget.forInteraction(hook), prompt, true));
        }

        @Override
        public void onMessageReceived(MessageReceivedEvent event) {
            String content = event.getMessage().getContentRaw();
            if (!event.getAuthor().isBot() && content.startsWith("ai,")) {
                answer(JdaAnswerTarget.replyingTo(event.getMessage()), content.substring(3).strip(), false);
            }
        }

        private static void answer(MessageTarget target, String prompt, boolean replyExists) {
            AnswerStream stream = new AnswerStream(target, MessageSplitter.discord(), INTERVAL, scheduler, replyExists);
            provider.chat(new ChatRequest("local-chat", null, List.of(Turn.user(prompt))), stream)
                    .whenComplete((completion, failure) -> stream.finish(failure == null ? "" : "\n-# (cut short)"));
        }
    }

    /** An answer of about {@code words} words that tries every kind of ping. */
    private static String answer(int words) {
        StringBuilder text = new StringBuilder("Hello @everyone and @here, <@" + alice.id() + "> and <@&1234>! ");
        for (int i = 0; i < words; i++) {
            text.append("word").append(i).append(i % 40 == 39 ? "\n" : " ");
        }
        return text.toString().strip();
    }

    /** Polls {@code value} until it satisfies {@code done} or the wait is over; returns the last value. */
    private static <T> T await(Supplier<T> value, Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        T last = value.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            last = value.get();
        }
        return last;
    }

    private static void assertNothingPings(Message message) {
        assertThat(message.allowedMentions()).hasValueSatisfying(
                allowed -> assertThat((List<?>) allowed.get("parse")).isEmpty());
    }

    @Test
    void aSlashCommandsAnswerStreamsIntoItsReplyAndFollowUpsAtAPaceWithoutPinging() throws InterruptedException {
        String text = answer(600);
        ai.answerNext(text);
        long start = System.nanoTime();

        InteractionResult result = discord.command(alice, general, "ask").option("prompt", "talk a lot").send();
        List<String> expected = MessageSplitter.discord().split(text);
        Message original = result.awaitOriginal(WAIT, message -> message.content().equals(expected.get(0)));
        List<String> shown = await(() -> {
            List<String> contents = new ArrayList<>();
            contents.add(original.content());
            result.followUps().forEach(message -> contents.add(message.content()));
            return contents;
        }, expected::equals);
        long elapsed = System.nanoTime() - start;

        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(shown).isEqualTo(expected);
        assertThat(original.editCount()).isBetween(1, (int) (elapsed / INTERVAL.toNanos()) + 2);
        assertNothingPings(original);
        result.followUps().forEach(JdaAnswerTargetTest::assertNothingPings);
    }

    @Test
    void aMessageGetsItsAnswerAsAReplyThatDoesNotPingItsAuthor() throws InterruptedException {
        String text = answer(30);
        ai.answerNext(text);

        Message question = general.post(alice, "ai, say hello to everyone");

        Optional<Message> reply = await(() -> general.messages().stream().filter(message -> message.id() > question.id()
                && message.author().id() == jda.getSelfUser().getIdLong()).findFirst(),
                found -> found.isPresent() && found.get().content().equals(text));

        assertThat(reply).hasValueSatisfying(message -> assertThat(message.content()).isEqualTo(text));
        reply.ifPresent(JdaAnswerTargetTest::assertNothingPings);
        assertThat(reply.get().allowedMentions().orElseThrow().get("replied_user")).isEqualTo(false);
    }
}
