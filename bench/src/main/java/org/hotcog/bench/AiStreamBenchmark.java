package org.hotcog.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.hotcog.ai.internal.answer.AnswerStream;
import org.hotcog.ai.internal.answer.JdaAnswerTarget;
import org.hotcog.ai.internal.answer.MessageSplitter;
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

import com.sun.management.OperatingSystemMXBean;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The AI module's streaming path, from a provider's token to what a Discord user sees: the real JDA client against
 * the local Discord, the module's OpenAI-compatible client ({@code HttpChatProvider}) against the local provider,
 * and its {@code AnswerStream} and {@code JdaAnswerTarget} writing paced edits (1 s apart) with empty
 * allowed_mentions, as {@code /ask} does (without the settings, quotas and database around it).
 *
 * <ol>
 * <li>First token to first visible edit: {@code ASKS} questions one after another; the clock starts when the
 * client hands the answer's first text to the stream and stops when the local Discord holds the edited reply.</li>
 * <li>{@code CONVERSATIONS} answers streaming at once, {@code WORDS} words each, {@code TOKEN_MS} between tokens:
 * each must end with its whole text and at most one edit a second; the process's CPU and heap are reported
 * (this JVM also runs the local Discord and the local provider, so both are upper bounds for the module).</li>
 * </ol>
 *
 * <p>Usage: bench/ai.sh; environment: ASKS (100), CONVERSATIONS (50), WORDS (150), TOKEN_MS (20).
 */
public final class AiStreamBenchmark {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final Map<String, Long> firstToken = new ConcurrentHashMap<>();
    private final HttpChatProvider provider;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    private AiStreamBenchmark(HttpChatProvider provider) {
        this.provider = provider;
    }

    public static void main(String[] args) throws Exception {
        int asks = InteractionBenchmark.positiveFromEnv("ASKS", 100);
        int conversations = InteractionBenchmark.positiveFromEnv("CONVERSATIONS", 50);
        int words = InteractionBenchmark.positiveFromEnv("WORDS", 150);
        int tokenMillis = InteractionBenchmark.positiveFromEnv("TOKEN_MS", 20);
        try (LocalDiscord discord = LocalDiscord.start(); LocalAiProvider ai = LocalAiProvider.start()) {
            Guild guild = discord.createGuild("Bench guild");
            TextChannel general = guild.createTextChannel("general");
            List<User> users = new ArrayList<>();
            for (int i = 0; i < conversations; i++) {
                User user = discord.createUser("member" + i);
                guild.addMember(user);
                users.add(user);
            }
            String answer = answer(words);
            ai.responder(request -> answer);
            ai.tokenDelay(Duration.ofMillis(tokenMillis));
            HttpChatProvider provider = new HttpChatProvider(new ProviderSettings("bench", ProviderKind.OPENAI,
                    URI.create(ai.openAiBaseUrl()), ai.apiKey(), "local-chat", Map.of(), null,
                    Duration.ofSeconds(30)));
            AiStreamBenchmark benchmark = new AiStreamBenchmark(provider);
            JDA jda = benchmark.connect(discord);
            try {
                benchmark.firstEdits(discord, users.get(0), general, answer, Math.min(10, asks));
                long[] nanos = benchmark.firstEdits(discord, users.get(0), general, answer, asks);
                Arrays.sort(nanos);
                System.out.println(String.format(Locale.ROOT, "%d answers one after another: first token to first "
                        + "visible edit p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", asks,
                        Percentiles.nearestRank(nanos, 0.50) / 1e6, Percentiles.nearestRank(nanos, 0.95) / 1e6,
                        Percentiles.nearestRank(nanos, 0.99) / 1e6, nanos[nanos.length - 1] / 1e6));
                benchmark.concurrent(discord, users, general, answer, tokenMillis);
            } finally {
                jda.shutdownNow();
                provider.close();
                benchmark.scheduler.shutdownNow();
            }
        }
    }

    private static String answer(int words) {
        StringBuilder text = new StringBuilder("Hello @everyone,");
        for (int i = 0; i < words; i++) {
            text.append(" word").append(i);
        }
        return text.toString();
    }

    private JDA connect(LocalDiscord discord) throws InterruptedException {
        JDA jda = JDABuilder.createLight(discord.botToken(), GatewayIntent.GUILD_MESSAGES)
                .setRestConfig(new RestConfig().setBaseUrl(discord.restUrl()))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return discord.gatewayUrl();
                    }
                })
                .addEventListeners(new ListenerAdapter() {
                    @Override
                    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
                        String prompt = event.getOption("prompt").getAsString();
                        event.deferReply().queue(hook -> answer(JdaAnswerTarget.forInteraction(hook), prompt));
                    }
                })
                .build();
        jda.awaitReady();
        jda.updateCommands().addCommands(Commands.slash("ask", "Asks the model")
                .addOption(OptionType.STRING, "prompt", "What to ask", true)).complete();
        return jda;
    }

    private void answer(JdaAnswerTarget target, String prompt) {
        AnswerStream stream = new AnswerStream(target, MessageSplitter.discord(), INTERVAL, scheduler, true);
        provider.chat(new ChatRequest("local-chat", null, List.of(Turn.user(prompt))), delta -> {
            firstToken.putIfAbsent(prompt, System.nanoTime());
            stream.onText(delta);
        }).whenComplete((completion, failure) -> stream.finish(failure == null ? "" : "\n-# (cut short)"));
    }

    /** Asks {@code count} questions one after another; returns each one's first token to first visible edit. */
    private long[] firstEdits(LocalDiscord discord, User user, TextChannel channel, String answer, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String prompt = "q-" + System.nanoTime();
            InteractionResult result = discord.command(user, channel, "ask").option("prompt", prompt).send();
            result.awaitOriginal(WAIT, message -> !message.loading() && !message.content().isEmpty());
            nanos[i] = System.nanoTime() - firstToken.get(prompt);
            // the whole answer before the next question, so that one stream runs at a time
            result.awaitOriginal(WAIT, message -> message.content().equals(answer));
        }
        return nanos;
    }

    /** Every user asks at once; checks each answer's text and edit pace, reports CPU and heap. */
    private void concurrent(LocalDiscord discord, List<User> users, TextChannel channel, String answer,
            int tokenMillis) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<InteractionResult> results = new ArrayList<>();
        for (User user : users) {
            results.add(discord.command(user, channel, "ask").option("prompt", "c-" + user.id()).send());
        }
        long peakHeap = 0;
        int missed = 0;
        long[] ends = new long[results.size()];
        for (int i = 0; i < results.size(); i++) {
            Message shown = results.get(i).awaitOriginal(WAIT, message -> message.content().equals(answer));
            ends[i] = System.nanoTime() - start;
            peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
            // the first text, then at most one edit a second, then the last one
            if (shown.editCount() > ends[i] / 1_000_000_000L + 2) {
                missed++;
            }
        }
        long cpu = os.getProcessCpuTime() - cpuBefore;
        Arrays.sort(ends);
        System.out.println(String.format(Locale.ROOT, "%d answers streaming at once (%d tokens, %d ms apart): all "
                + "whole; last one done after %.1f s (a single stream takes %.1f s); answers with more than one "
                + "edit a second: %d; process CPU %.2f s (%.1f ms an answer); heap in use (garbage included) at "
                + "most %.0f MB above the heap after a collection before the run", users.size(), LocalAiProvider.tokens(answer).size(), tokenMillis,
                ends[ends.length - 1] / 1e9, LocalAiProvider.tokens(answer).size() * tokenMillis / 1e3, missed,
                cpu / 1e9, cpu / 1e6 / users.size(), (peakHeap - heapBefore) / 1e6));
    }
}
