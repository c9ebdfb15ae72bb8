package org.hotcog.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarFile;

import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Message;

/**
 * How long a feature bundle's update keeps its users waiting: Hotcog runs with the /pong bundle, a steady stream of
 * {@code /pong} interactions keeps coming, and the bundle is updated SWAPS times through the web console's upload
 * form, alternately to its two swap builds, whose answers name their version. Each swap is timed from just before
 * the upload is sent to the arrival of the first answer from the new version. Reports the median, p90 and max swap
 * time and every interaction of the stream that was lost (no answer) or failed (an error or another answer).
 *
 * <p>Usage: {@code SwapBenchmark WORK_DIR} from the repository's root (see bench/swap.sh); environment: SWAPS (20),
 * IN_FLIGHT (4, the stream's senders), WARMUP (4000 interactions before the first swap), PAUSE_MS (1000, between
 * a swap's first new answer and the next upload).
 */
public final class SwapBenchmark {
    /** The builds the bundle is updated to, in turn. */
    private static final List<Path> BUILDS = List.of(Path.of("bench/target/bench-pong-swap-a.jar"),
            Path.of("bench/target/bench-pong-swap-b.jar"));
    /** The manifest header that holds a build's answer. */
    private static final String REPLY_HEADER = "Pong-Reply";
    /** A swap that takes longer is reported as failed and ends the run; Hotcog holds interactions 10 s. */
    private static final Duration SWAP_WAIT = Duration.ofSeconds(30);
    private static final int ERRORS_SHOWN = 10;

    private SwapBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SwapBenchmark WORK_DIR");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int swaps = InteractionBenchmark.positiveFromEnv("SWAPS", 20);
        int inFlight = InteractionBenchmark.positiveFromEnv("IN_FLIGHT", 4);
        int warmup = InteractionBenchmark.positiveFromEnv("WARMUP", 4_000);
        int pauseMillis = InteractionBenchmark.positiveFromEnv("PAUSE_MS", 1_000);
        List<String> replies = new ArrayList<>();
        for (Path build : BUILDS) {
            replies.add(replyOf(build));
        }
        // What the bot may answer: its first version (bench-pong.jar) or either swap build, never anything else.
        Set<String> expected = new HashSet<>(replies);
        expected.add(replyOf(BotProcess.PONG_BUNDLE));

        try (LocalDiscord discord = LocalDiscord.start()) {
            PongSender sender = PongSender.create(discord);
            try (BotProcess bot = BotProcess.hotcog(discord, work)) {
                bot.awaitUntil(sender::registered, "/" + PongSender.COMMAND + " registered");
                System.out.println("warm-up: " + new InteractionBenchmark(sender, bot, inFlight).run(warmup).summary());

                long[] swapNanos = new long[swaps];
                Stream stream = new Stream(sender, bot, inFlight, expected);
                stream.start();
                try {
                    for (int i = 0; i < swaps; i++) {
                        Path build = BUILDS.get(i % BUILDS.size());
                        String reply = replies.get(i % BUILDS.size());
                        int seen = stream.answerCount();
                        long begun = System.nanoTime();
                        bot.console().upload(build);
                        long uploaded = System.nanoTime();
                        long firstNew = stream.awaitAnswer(reply, seen, begun, SWAP_WAIT);
                        if (firstNew < 0) {
                            System.out.println("swap " + (i + 1) + " to \"" + reply + "\": no answer from it within "
                                    + SWAP_WAIT + "; bot log tail:\n" + bot.logTail());
                            swapNanos = Arrays.copyOf(swapNanos, i);
                            break;
                        }
                        swapNanos[i] = firstNew - begun;
                        System.out.printf(Locale.ROOT, "swap %2d to \"%s\": %.1f ms (the console took the upload "
                                + "in %.1f ms)%n", i + 1, reply, swapNanos[i] / 1e6, (uploaded - begun) / 1e6);
                        Thread.sleep(pauseMillis);
                    }
                } finally {
                    stream.stop();
                }
                report(swapNanos, stream);
                if (stream.lost() + stream.failed() > 0) {
                    System.out.println("bot log tail:\n" + bot.logTail());
                }
            }
        }
    }

    /** What a build answers: its {@value #REPLY_HEADER} manifest header, which its PongCommand reads. */
    private static String replyOf(Path build) throws IOException {
        try (JarFile jar = new JarFile(build.toFile())) {
            String reply = jar.getManifest().getMainAttributes().getValue(REPLY_HEADER);
            if (reply == null) {
                throw new IOException(build + " has no " + REPLY_HEADER + " header");
            }
            return reply;
        }
    }

    private static void report(long[] swapNanos, Stream stream) {
        if (swapNanos.length > 0) {
            long[] sorted = swapNanos.clone();
            Arrays.sort(sorted);
            System.out.printf(Locale.ROOT, "swap time over %d swaps: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                    sorted.length, Percentiles.nearestRank(sorted, 0.5) / 1e6,
                    Percentiles.nearestRank(sorted, 0.9) / 1e6, sorted[sorted.length - 1] / 1e6);
        }
        System.out.printf(Locale.ROOT, "stream: %d interactions, %d held during a swap (deferred, then answered), "
                + "lost %d, failed %d%n", stream.answerCount() + stream.lost(), stream.deferred(), stream.lost(),
                stream.failed());
        stream.errors().stream().limit(ERRORS_SHOWN).forEach(e -> System.out.println("  " + e));
    }

    /** When the bot's finished answer to one interaction arrived, and what it said. */
    private record Answer(long arrivedNanos, String content) {
    }

    /**
     * The steady stream: {@code inFlight} threads, each sending its next {@code /pong} when the previous one has its
     * finished answer (a reply, or a deferral the bot has since filled in), until stopped.
     */
    private static final class Stream {
        private final PongSender sender;
        private final BotProcess bot;
        private final Thread[] threads;
        private final Set<String> expected;
        private final List<Answer> answers = new ArrayList<>(); // guarded by this, in order of arrival
        private final List<String> errors = new ArrayList<>(); // guarded by this
        private int lost; // guarded by this
        private int failed; // guarded by this
        private int deferred; // guarded by this
        private volatile boolean running = true;

        Stream(PongSender sender, BotProcess bot, int inFlight, Set<String> expected) {
            this.sender = sender;
            this.bot = bot;
            this.expected = Set.copyOf(expected);
            this.threads = new Thread[inFlight];
            for (int i = 0; i < inFlight; i++) {
                threads[i] = new Thread(this::sendUntilStopped, "stream-" + i);
            }
        }

        void start() {
            for (Thread thread : threads) {
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join();
            }
        }

        private void sendUntilStopped() {
            while (running && bot.isAlive()) {
                InteractionResult result = sender.send();
                Message reply;
                try {
                    reply = result.awaitReply(InteractionBenchmark.ANSWER_WAIT);
                } catch (AssertionError noAnswer) {
                    synchronized (this) {
                        lost++;
                        errors.add("lost: " + noAnswer.getMessage());
                    }
                    continue;
                }
                long arrived = System.nanoTime();
                boolean held = result.response().map(r -> r.type() == InteractionResponse.DEFERRED_CHANNEL_MESSAGE)
                        .orElse(false);
                synchronized (this) {
                    if (!result.errors().isEmpty() || reply.ephemeral() || !expected.contains(reply.content())) {
                        failed++;
                        errors.add("failed: \"" + reply.content() + "\" " + result.errors());
                    } else if (held) {
                        deferred++;
                    }
                    answers.add(new Answer(arrived, reply.content()));
                    notifyAll();
                }
            }
        }

        synchronized int answerCount() {
            return answers.size();
        }

        /**
         * Waits for the first answer saying {@code content} that arrived after {@code since} (nanoTime), among the
         * answers from index {@code from} on (the count before {@code since} was taken); its arrival, or -1 if none
         * came within the wait.
         */
        synchronized long awaitAnswer(String content, int from, long since, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            for (int next = from;; ) {
                long first = Long.MAX_VALUE;
                for (; next < answers.size(); next++) {
                    Answer answer = answers.get(next);
                    if (answer.content().equals(content) && answer.arrivedNanos() > since) {
                        first = Math.min(first, answer.arrivedNanos());
                    }
                }
                if (first != Long.MAX_VALUE) {
                    return first;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return -1;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized int lost() {
            return lost;
        }

        synchronized int failed() {
            return failed;
        }

        synchronized int deferred() {
            return deferred;
        }

        synchronized List<String> errors() {
            return List.copyOf(errors);
        }
    }
}
