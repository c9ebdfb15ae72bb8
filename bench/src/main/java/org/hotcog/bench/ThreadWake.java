package org.hotcog.bench;

import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine's floor for the dispatcher's hand-off: one thread hands {@code RATE} timestamps a second to another
 * through a blocking queue (as the gateway thread hands an interaction to a module's executor) and the time from
 * the hand-off to the woken thread taking it is reported, without anything else running in the process. The
 * sender sleeps between hand-offs, as the gateway thread waits on its socket. The first fifth is warm-up.
 * Usage: {@code ThreadWake [RATE] [COUNT]} (defaults 500 and 20000).
 */
public final class ThreadWake {
    private ThreadWake() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        BlockingQueue<Long> queue = new LinkedBlockingQueue<>();
        long[] nanos = new long[count];
        Thread taker = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    long handedAt = queue.take();
                    nanos[i] = System.nanoTime() - handedAt;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "taker");
        taker.start();
        long period = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (int i = 0; i < count; i++) {
            next += period;
            LockSupport.parkNanos(next - System.nanoTime());
            queue.put(System.nanoTime());
        }
        taker.join();
        long[] measured = Arrays.copyOfRange(nanos, count / 5, count);
        Arrays.sort(measured);
        System.out.printf("thread hand-off at %d/s over the last %d: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", rate,
                measured.length, Percentiles.nearestRank(measured, 0.50) / 1e6,
                Percentiles.nearestRank(measured, 0.99) / 1e6, measured[measured.length - 1] / 1e6);
    }
}
