package org.hotcog.ai.internal.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.hotcog.ai.internal.MigratedDatabase;
import org.hotcog.ai.internal.answer.AnswerGone;
import org.hotcog.ai.internal.answer.MessageSplitter;
import org.hotcog.ai.internal.answer.MessageTarget;
import org.hotcog.ai.internal.conversation.ContextTrimmer;
import org.hotcog.ai.internal.conversation.Image;
import org.hotcog.ai.internal.conversation.Role;
import org.hotcog.ai.internal.conversation.Turn;
import org.hotcog.ai.internal.provider.HttpChatProvider;
import org.hotcog.ai.internal.provider.ProviderException;
import org.hotcog.ai.internal.provider.ProviderKind;
import org.hotcog.ai.internal.provider.ProviderSettings;
import org.hotcog.ai.internal.usage.Admission;
import org.hotcog.ai.internal.usage.QuotaLimits;
import org.hotcog.ai.internal.usage.UsageStore;
import org.hotcog.emulator.ai.AiFault;
import org.hotcog.emulator.ai.LocalAiProvider;

/** A question from the quota check to the last message, against a local provider, H2 and a recording target. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AskerTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 1};

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private LocalAiProvider ai;
    private HttpChatProvider provider;
    private MigratedDatabase database;
    private Asker asker;
    private final List<String> shown = new CopyOnWriteArrayList<>();

    /** Discord as a list: message i is the i-th entry. */
    private final MessageTarget target = new MessageTarget() {
        @Override
        public CompletableFuture<Void> edit(int index, String content) {
            shown.set(index, content);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> send(int index, String content) {
            shown.add(content);
            return CompletableFuture.completedFuture(null);
        }
    };

    @BeforeEach
    void setUp() throws SQLException {
        ai = LocalAiProvider.start();
        provider = new HttpChatProvider(new ProviderSettings("local", ProviderKind.OPENAI, URI.create(ai.openAiBaseUrl()),
                ai.apiKey(), "local-chat", Map.of(), null, Duration.ofSeconds(2)));
        database = new MigratedDatabase();
        asker = new Asker(new UsageStore(database.dataSource(), Clock.systemUTC()), new ContextTrimmer(4, 100),
                MessageSplitter.discord(), Duration.ofMillis(50), scheduler, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws SQLException {
        provider.close();
        ai.close();
        scheduler.shutdownNow();
        database.close();
    }

    private Asker.Outcome ask(String model, QuotaLimits member, List<Turn> turns, int budget) throws Exception {
        Asker.Question question = new Asker.Question(new UsageStore.Call(10, 1, 20, "local", model), member,
                QuotaLimits.UNLIMITED, provider, "Be brief.", turns, budget);
        return asker.ask(question, target, false).get(20, TimeUnit.SECONDS);
    }

    private Asker.Outcome ask(String prompt) throws Exception {
        return ask("local-chat", QuotaLimits.UNLIMITED, List.of(Turn.user(prompt)), 4_000);
    }

    private List<String> usageRow(long id) throws SQLException {
        try (Statement s = database.connection().createStatement(); ResultSet r = s.executeQuery("SELECT prompt_tokens, "
                + "completion_tokens, outcome, latency_ms FROM ai_usage WHERE id = " + id)) {
            List<String> row = new ArrayList<>();
            if (r.next()) {
                for (int i = 1; i <= 4; i++) {
                    row.add(r.getString(i));
                }
            }
            return row;
        }
    }

    @Test
    void anAnswerIsShownAndItsUsageRecorded() throws Exception {
        ai.answerNext("Four words of answer");

        Asker.Outcome outcome = ask("hello");

        assertThat(shown).containsExactly("Four words of answer");
        assertThat(outcome.messages()).isEqualTo(shown);
        assertThat(outcome.failure()).isNull();
        List<String> row = usageRow(outcome.usageId());
        assertThat(row.subList(0, 3)).containsExactly(Integer.toString(ai.requests().get(0).promptTokens()), "4", "OK");
        assertThat(ai.requests().get(0).systemPrompt()).isEqualTo("Be brief.");
    }

    @Test
    void aReachedQuotaIsSaidInsteadOfACall() throws Exception {
        QuotaLimits one = new QuotaLimits(1, -1, -1, -1);
        ask("local-chat", one, List.of(Turn.user("first")), 4_000);
        shown.clear();

        Asker.Outcome outcome = ask("local-chat", one, List.of(Turn.user("second")), 4_000);

        assertThat(outcome.refusal()).isNotNull();
        assertThat(shown).containsExactly("⏳ You reached your limit of 1 AI request per hour; it resets in 1 h.");
        assertThat(ai.requests()).hasSize(1);
    }

    @Test
    void aCutAnswerIsKeptAndMarkedAndItsOutcomeRecorded() throws Exception {
        ai.answerNext("one two three four five six");
        ai.failNext(AiFault.cutAfter(3));

        Asker.Outcome outcome = ask("hello");

        assertThat(outcome.failure().kind()).isEqualTo(ProviderException.Kind.CUT_STREAM);
        assertThat(shown).containsExactly(
                "one two \n-# ⚠ The answer was cut: the connection to the AI provider dropped.");
        assertThat(usageRow(outcome.usageId()).subList(0, 3)).containsExactly("-1", "-1", "CUT_STREAM");
    }

    @Test
    void aFailureBeforeAnyTextIsAShortNote() throws Exception {
        ai.failNext(AiFault.unauthorized());

        Asker.Outcome outcome = ask("hello");

        assertThat(shown).containsExactly(
                "⚠ No answer: the AI provider refused this bot's key; an admin needs to check it.");
        assertThat(usageRow(outcome.usageId())).element(2).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void imagesAModelRefusesAreLeftOutWithANote() throws Exception {
        ai.answerNext("I read your text");
        List<Turn> turns = List.of(new Turn(Role.USER, "What is on it?", List.of(new Image("image/png", PNG))));

        Asker.Outcome outcome = ask("local-chat", QuotaLimits.UNLIMITED, turns, 4_000);

        assertThat(outcome.failure()).isNull();
        assertThat(shown).containsExactly(
                "I read your text\n-# This model does not take images: it answered the text alone.");
        assertThat(ai.requests()).hasSize(2);
        assertThat(ai.requests().get(1).turns().get(0).images()).isEmpty();
    }

    @Test
    void anAnswerDiscordNoLongerTakesStopsTheProviderAndIsRecordedStopped() throws Exception {
        // Discord takes the first message, then refuses every write, as when a moderator deletes the answer
        MessageTarget deletedAfterItsFirstText = new MessageTarget() {
            @Override
            public CompletableFuture<Void> edit(int index, String content) {
                return CompletableFuture.failedFuture(new IllegalStateException("10008: Unknown Message"));
            }

            @Override
            public CompletableFuture<Void> send(int index, String content) {
                return target.send(index, content);
            }
        };
        StringBuilder story = new StringBuilder("once");
        for (int i = 1; i <= 200; i++) {
            story.append(" w").append(i);
        }
        ai.answerNext(story.toString());
        ai.tokenDelay(Duration.ofMillis(20));
        Asker.Question question = new Asker.Question(new UsageStore.Call(10, 1, 20, "local", "local-chat"),
                QuotaLimits.UNLIMITED, QuotaLimits.UNLIMITED, provider, null, List.of(Turn.user("a story")), 4_000);

        Throwable failure = catchThrowable(() -> asker.ask(question, deletedAfterItsFirstText, false)
                .get(20, TimeUnit.SECONDS));

        assertThat(failure).hasCauseInstanceOf(AnswerGone.class).hasRootCauseMessage("10008: Unknown Message");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (ai.abandonedStreams() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ai.abandonedStreams()).as("the provider's stream closed before its end (200 frames, 4 s)")
                .isEqualTo(1);
        try (Statement s = database.connection().createStatement();
                ResultSet r = s.executeQuery("SELECT outcome, completion_tokens FROM ai_usage")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo(Asker.STOPPED);
            assertThat(r.getInt(2)).isEqualTo(-1);
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void aConversationIsTrimmedToTheBudgetAndTooLongAQuestionIsRefused() throws Exception {
        List<Turn> turns = List.of(Turn.user("x".repeat(400)), Turn.assistant("y".repeat(400)), Turn.user("and now?"));

        ask("local-chat", QuotaLimits.UNLIMITED, turns, 50);
        Asker.Outcome tooLong = ask("local-chat", QuotaLimits.UNLIMITED, List.of(Turn.user("z".repeat(1_000))), 50);

        assertThat(ai.requests()).hasSize(1);
        assertThat(ai.requests().get(0).turns()).extracting(turn -> turn.text()).containsExactly("and now?");
        assertThat(tooLong.usageId()).isZero();
        assertThat(tooLong.messages()).singleElement().asString().startsWith("⚠ This is too long for the model");
    }

    @Test
    void timesAreSaidTheWayPeopleSayThem() {
        assertThat(Notes.humanize(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(Notes.humanize(Duration.ofSeconds(41 * 60 + 10))).isEqualTo("42 min");
        assertThat(Notes.humanize(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
        assertThat(Notes.humanize(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(Notes.quota(new Admission.Refused(Admission.Scope.GUILD, Admission.Window.DAY,
                Admission.Measure.TOKENS, 100_000, null), Instant.EPOCH))
                .isEqualTo("This server reached its limit of 100,000 AI tokens per day.");
    }
}
