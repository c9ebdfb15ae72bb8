package org.hotcog.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.ledger.LedgerKind;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Payments per second through the economy's ledger on an H2 file database behind HikariCP (pool
 * of 10), as the runtime runs it on its defaults: random payments among members from several
 * threads, after a warm-up. Prints the rate, the latency percentiles and whether the coins still
 * add up.
 *
 * <p>Usage: {@code LedgerBenchmark [PAYMENTS] [THREADS] [MEMBERS]} (defaults 100000, 8, 100).
 */
public final class LedgerBenchmark {
    private static final long GUILD = 1;
    private static final long START = 1_000_000;

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int payments = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int members = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (HikariDataSource database = H2Database.create("ledger-bench", "V1__economy.sql")) {
            AtomicLong events = new AtomicLong();
            Ledger ledger = new Ledger(database, new EventAdmin() {
                @Override
                public void postEvent(Event event) {
                    events.incrementAndGet();
                }

                @Override
                public void sendEvent(Event event) {
                    events.incrementAndGet();
                }
            });
            for (long user = 1; user <= members; user++) {
                ledger.change(GUILD, GUILD, user, START, LedgerKind.GIVE, 0, null);
            }
            // warm-up: the JIT compiles the ledger's and H2's paths
            run(ledger, payments / 5, threads, members, new long[payments / 5]);
            long[] nanos = new long[payments];
            long started = System.nanoTime();
            long refused = run(ledger, payments, threads, members, nanos);
            double seconds = (System.nanoTime() - started) / 1e9;
            Arrays.sort(nanos);
            long total = ledger.top(GUILD, 0, members).stream().mapToLong(Ledger.Ranked::balance).sum();
            System.out.printf("%d payments from %d threads among %d members in %.2f s: %.0f payments/s, "
                    + "p50 %.3f ms, p99 %.3f ms, max %.3f ms; %d refused; coins %s%n", payments, threads, members,
                    seconds, payments / seconds, Percentiles.nearestRank(nanos, 0.50) / 1e6,
                    Percentiles.nearestRank(nanos, 0.99) / 1e6, nanos[nanos.length - 1] / 1e6, refused,
                    total == members * START ? "conserved" : "NOT conserved: " + total);
        }
    }

    /** Runs the payments, each one's time into {@code nanos}; returns how many were refused. */
    private static long run(Ledger ledger, int payments, int threads, int members, long[] nanos) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong refused = new AtomicLong();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                Random random = new Random(t);
                done.add(pool.submit(() -> {
                    for (int i = first; i < payments; i += threads) {
                        long payer = 1 + random.nextInt(members);
                        long receiver = 1 + (payer + random.nextInt(members - 1)) % members;
                        long start = System.nanoTime();
                        try {
                            ledger.pay(GUILD, GUILD, payer, receiver, 1 + random.nextInt(1_000), null);
                        } catch (LedgerRefusal e) {
                            refused.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - start;
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return refused.get();
    }
}
