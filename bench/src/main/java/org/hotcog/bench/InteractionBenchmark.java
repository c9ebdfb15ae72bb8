package org.hotcog.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.LocalDiscord;

/**
 * How fast a bot answers {@code /pong}: a local Discord in this JVM sends INTERACTION_CREATEs to the bot under test,
 * a separate process, from IN_FLIGHT threads, each timing one interaction from just before it is sent to the
 * arrival of the bot's type-4 callback. Reports throughput, p50 and p99 latency, lost and failed interactions, and
 * the bot's CPU time per interaction. With RATE set, the measured interactions are sent at that fixed rate instead
 * (an open loop, as users send them, however busy the bot is), and the IN_FLIGHT threads only wait for answers.
 *
 * <p>Usage: {@code InteractionBenchmark baseline|hotcog WORK_DIR} from the repository's root (see
 * bench/interactions.sh); environment: INTERACTIONS (20000), IN_FLIGHT (32), WARMUP (4000, always a closed loop),
 * RATE (interactions per second; unset: closed loop).
 */
public final class InteractionBenchmark {
    /** Discord drops an interaction not answered in 3 s; waiting longer only tells a slow answer from none. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    /** What both bots answer: the baseline, and Hotcog with bench-pong.jar. */
    private static final String REPLY = "pong";
    private static final int ERRORS_SHOWN = 5;

    private final PongSender sender;
    private final BotProcess bot;
    private final int inFlight;

    InteractionBenchmark(PongSender sender, BotProcess bot, int inFlight) {
        this.sender = sender;
        this.bot = bot;
        this.inFlight = inFlight;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !List.of("baseline", "hotcog").contains(args[0])) {
            System.err.println("usage: InteractionBenchmark baseline|hotcog WORK_DIR");
            System.exit(2);
        }
        String botName = args[0];
        Path work = Path.of(args[1]);
        int interactions = positiveFromEnv("INTERACTIONS", 20_000);
        int inFlight = positiveFromEnv("IN_FLIGHT", 32);
        int warmup = positiveFromEnv("WARMUP", 4_000);
        int rate = System.getenv("RATE") == null ? 0 : positiveFromEnv("RATE", 0);

        try (LocalDiscord discord = LocalDiscord.start()) {
            PongSender sender = PongSender.create(discord);
            try (BotProcess bot = botName.equals("baseline") ? BotProcess.baseline(discord, work)
                    : BotProcess.hotcog(discord, work)) {
                bot.awaitUntil(sender::registered, "/" + PongSender.COMMAND + " registered");
                InteractionBenchmark benchmark = new InteractionBenchmark(sender, bot, inFlight);

                Run warm = benchmark.run(warmup);
                System.out.println(botName + " warm-up: " + warm.summary());

                long cpuBefore = bot.cpuNanos();
                long restBefore = discord.restRequests();
                Run measured = rate > 0 ? benchmark.runAtRate(interactions, rate) : benchmark.run(interactions);
                double cpuMillisEach = (bot.cpuNanos() - cpuBefore) / 1e6 / interactions;
                double restEach = (double) (discord.restRequests() - restBefore) / interactions;
                System.out.println(botName + ": " + measured.summary() + String.format(Locale.ROOT,
                        ", bot CPU %.3f ms/interaction, %.2f REST requests/interaction", cpuMillisEach, restEach));
                measured.errors().stream().limit(ERRORS_SHOWN).forEach(e -> System.out.println("  " + e));
                if (measured.lost() + measured.failed() > 0) {
                    System.out.println("bot log tail:\n" + bot.logTail());
                }
            }
        }
    }

    static int positiveFromEnv(String name, int fallback) {
        int value = Integer.parseInt(System.getenv().getOrDefault(name, Integer.toString(fallback)));
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }

    /** What one run of {@code count} interactions gave; latencies of the answered ones only, sorted. */
    record Run(int count, String load, long wallNanos, long[] latencyNanos, int failed, List<String> errors) {
        int lost() {
            return count - latencyNanos.length - failed;
        }

        String summary() {
            return String.format(Locale.ROOT, "%d interactions, %s: %.0f interactions/s, p50 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms, lost %d, failed %d", count, load,
                    latencyNanos.length * 1e9 / wallNanos, percentile(0.50), percentile(0.99),
                    percentile(1.0), lost(), failed);
        }

        /** Nearest-rank percentile in milliseconds. */
        private double percentile(double p) {
            return latencyNanos.length == 0 ? Double.NaN : Percentiles.nearestRank(latencyNanos, p) / 1e6;
        }
    }

    /**
     * Sends {@code count} interactions from {@link #inFlight} threads, each sending its next one when the previous
     * was answered. Stops early only if the bot exits; what was not sent then counts as lost.
     */
    Run run(int count) throws InterruptedException {
        AtomicInteger tickets = new AtomicInteger(count);
        long[] latencies = new long[count]; // by ticket; 0 = not answered with "pong"
        AtomicInteger failed = new AtomicInteger();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        Thread[] senders = new Thread[inFlight];
        long start = System.nanoTime();
        for (int i = 0; i < inFlight; i++) {
            senders[i] = new Thread(() -> {
                for (int ticket; (ticket = tickets.decrementAndGet()) >= 0 && bot.isAlive();) {
                    latencies[ticket] = interact(failed, errors);
                }
            }, "sender-" + i);
            senders[i].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        long wall = System.nanoTime() - start;
        long[] answered = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Run(count, inFlight + " in flight", wall, answered, failed.get(), List.copyOf(errors));
    }

    /**
     * Sends {@code count} interactions at {@code rate} per second, each when its turn comes whether or not the earlier
     * ones were answered; {@link #inFlight} threads wait for the answers. Stops early only if the bot exits.
     */
    Run runAtRate(int count, int rate) throws InterruptedException {
        long[] latencies = new long[count]; // by ticket; 0 = not answered with "pong"
        AtomicInteger failed = new AtomicInteger();
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        ExecutorService waiters = Executors.newFixedThreadPool(inFlight);
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < count && bot.isAlive(); i++) {
            long due = start + i * interval;
            for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
            long sent = System.nanoTime();
            InteractionResult result = sender.send();
            int ticket = i;
            waiters.execute(() -> latencies[ticket] = latency(sent, result, failed, errors));
        }
        waiters.shutdown();
        waiters.awaitTermination(ANSWER_WAIT.toSeconds() + 10, TimeUnit.SECONDS);
        long wall = System.nanoTime() - start;
        long[] answered = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Run(count, rate + "/s offered", wall, answered, failed.get(), List.copyOf(errors));
    }

    /** One interaction: its latency in nanoseconds if answered with a type-4 "pong", else 0. */
    private long interact(AtomicInteger failed, Queue<String> errors) {
        long sent = System.nanoTime();
        return latency(sent, sender.send(), failed, errors);
    }

    /** The latency of an interaction sent at {@code sent} (nanoTime) if answered with a type-4 "pong", else 0. */
    private static long latency(long sent, InteractionResult result, AtomicInteger failed, Queue<String> errors) {
        InteractionResponse response;
        try {
            response = result.awaitResponse(ANSWER_WAIT);
        } catch (AssertionError noAnswer) { // the wait ran out: lost
            errors.add(noAnswer.getMessage());
            return 0;
        }
        long latency = System.nanoTime() - sent;
        if (response.type() != InteractionResponse.CHANNEL_MESSAGE || !REPLY.equals(response.message().content())) {
            failed.incrementAndGet();
            errors.add("wrong answer: type " + response.type() + ", "
                    + (response.message() == null ? "no message" : "\"" + response.message().content() + "\""));
            return 0;
        }
        return Math.max(latency, 1);
    }
}
