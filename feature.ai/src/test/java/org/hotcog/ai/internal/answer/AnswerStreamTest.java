package org.hotcog.ai.internal.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A streamed answer shown through a target that records every write, with the time it started and ended. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AnswerStreamTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** One call to Discord. */
    private record Write(String kind, int index, String content, long startNanos, long endNanos) {
    }

    /** Discord, answering each write after {@code latency}; fails from the {@code failFrom}-th write on. */
    private final class Target implements MessageTarget {
        final List<Write> writes = new CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean overlapped;
        private final Duration latency;
        private final int failFrom;

        Target(Duration latency, int failFrom) {
            this.latency = latency;
            this.failFrom = failFrom;
        }

        @Override
        public CompletableFuture<Void> edit(int index, String content) {
            return write("edit", index, content);
        }

        @Override
        public CompletableFuture<Void> send(int index, String content) {
            return write("send", index, content);
        }

        private CompletableFuture<Void> write(String kind, int index, String content) {
            assertThat(content.length()).isBetween(1, MessageSplitter.DISCORD_LIMIT);
            overlapped |= inFlight.incrementAndGet() > 1;
            long start = System.nanoTime();
            CompletableFuture<Void> done = new CompletableFuture<>();
            int number = writes.size();
            scheduler.schedule(() -> {
                writes.add(new Write(kind, index, content, start, System.nanoTime()));
                inFlight.decrementAndGet();
                if (number >= failFrom) {
                    done.completeExceptionally(new IllegalStateException("Unknown Message"));
                } else {
                    done.complete(null);
                }
            }, latency.toNanos(), TimeUnit.NANOSECONDS);
            return done;
        }
    }

    private static void feed(AnswerStream stream, List<String> deltas, Duration gap) throws InterruptedException {
        for (String delta : deltas) {
            stream.onText(delta);
            Thread.sleep(gap.toMillis());
        }
    }

    /** Streams {@code deltas} a millisecond apart through a fast Discord, and finishes with {@code trailer}. */
    private List<String> streamed(Target target, Duration interval, boolean replyExists, List<String> deltas,
            String trailer) throws Exception {
        AnswerStream stream = new AnswerStream(target, MessageSplitter.discord(), interval, scheduler, replyExists);
        feed(stream, deltas, Duration.ofMillis(1));
        List<String> shown = stream.finish(trailer).get(10, TimeUnit.SECONDS);
        assertThat(stream.finish("again").get(10, TimeUnit.SECONDS)).isEqualTo(shown);
        stream.onText("too late");
        assertThat(stream.text()).isEqualTo(String.join("", deltas) + trailer);
        assertThat(target.overlapped).isFalse();
        return shown;
    }

    private static List<String> words(int count) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            words.add("word" + i + " ");
        }
        return words;
    }

    @Test
    void theFirstTextShowsAtOnceAndLaterOnesAtMostOncePerInterval() throws Exception {
        Target target = new Target(Duration.ofMillis(5), Integer.MAX_VALUE);
        AnswerStream stream = new AnswerStream(target, MessageSplitter.discord(), Duration.ofMillis(200), scheduler,
                true);
        long start = System.nanoTime();

        feed(stream, words(150), Duration.ofMillis(10));
        long fed = System.nanoTime() - start;
        List<String> shown = stream.finish("").get(10, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(target.writes.get(0).startNanos() - start)).isLessThan(Duration.ofMillis(100));
        List<Write> paced = target.writes.subList(0, target.writes.size() - 1);
        for (int i = 1; i < paced.size(); i++) {
            assertThat(paced.get(i).startNanos() - paced.get(i - 1).startNanos())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(180).toNanos());
        }
        // one write per 200 ms while the text came, and the final one
        assertThat(target.writes).hasSizeBetween(3, (int) (fed / Duration.ofMillis(200).toNanos()) + 2);
        assertThat(target.writes).allMatch(write -> write.kind().equals("edit") && write.index() == 0);
        assertThat(shown).containsExactly(String.join("", words(150)));
        assertThat(target.writes.get(target.writes.size() - 1).content()).isEqualTo(shown.get(0));
        assertThat(target.overlapped).isFalse();
    }

    @Test
    void aLongAnswerContinuesInFollowUpsAndEndsWithEveryMessageComplete() throws Exception {
        Target target = new Target(Duration.ofMillis(2), Integer.MAX_VALUE);

        List<String> shown = streamed(target, Duration.ofMillis(50), true, words(900), "\n-# cut short");

        String full = String.join("", words(900)) + "\n-# cut short";
        assertThat(shown).isEqualTo(MessageSplitter.discord().split(full)).hasSizeGreaterThan(2);
        assertThat(target.writes).filteredOn(write -> write.kind().equals("send")).extracting(Write::index)
                .containsExactlyElementsOf(IntStream.range(1, shown.size()).boxed().toList());
    }

    @Test
    void aSlowDiscordDelaysTheAnswerButNeverGetsTwoWritesAtOnce() throws Exception {
        Target target = new Target(Duration.ofMillis(150), Integer.MAX_VALUE);

        List<String> shown = streamed(target, Duration.ofMillis(20), false, words(60), "");

        assertThat(target.writes.get(0).kind()).isEqualTo("send");
        assertThat(target.writes).hasSizeLessThan(10);
        assertThat(shown).containsExactly(String.join("", words(60)));
    }

    @Test
    void aFailedWriteStopsTheStreamAndItsProviderAndFinishReportsIt() throws Exception {
        Target target = new Target(Duration.ofMillis(2), 1);
        AnswerStream stream = new AnswerStream(target, MessageSplitter.discord(), Duration.ofMillis(30), scheduler,
                true);

        AnswerGone stopped = catchThrowableOfType(() -> feed(stream, words(200), Duration.ofMillis(5)),
                AnswerGone.class);
        ExecutionException thrown = catchThrowableOfType(() -> stream.finish("").get(10, TimeUnit.SECONDS),
                ExecutionException.class);

        assertThat(stopped).as("the text after the failure is refused, which stops the provider's stream")
                .isNotNull().hasRootCauseMessage("Unknown Message");
        assertThat(stream.text()).doesNotContain("word199");
        assertThat(thrown.getCause()).isInstanceOf(AnswerGone.class).hasRootCauseMessage("Unknown Message");
        assertThat(target.writes).hasSize(2);
    }
}
