package org.hotcog.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.hotcog.tickets.internal.transcript.ArchivedMessage;
import org.hotcog.tickets.internal.transcript.TranscriptStore;
import org.hotcog.tickets.internal.transcript.Transcripts;
import org.hotcog.tickets.internal.transcript.Transcripts.TranscriptFile;
import org.hotcog.tickets.internal.ticket.Priority;
import org.hotcog.tickets.internal.ticket.Ticket;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Transcript generation for a long ticket: MESSAGES archived messages (one in ten with an embed, one in twenty with
 * an attachment, one in fifty edited, one in a hundred deleted) in an H2 file database behind HikariCP, as the
 * runtime runs it; then the HTML and the text transcript are written to files as a close writes them, ROUNDS times.
 * Prints the time of each round, the files' sizes, the bytes allocated per round, and the most heap in use above the
 * idle baseline (sampled every millisecond during the rounds, after a full collection before). Run it with a small
 * maximum heap (bench/transcripts.sh gives 64 MB) so that the collector runs often and the peak shows what the
 * writing keeps alive rather than garbage not yet collected.
 *
 * <p>Usage: {@code TranscriptBenchmark [MESSAGES] [ROUNDS]} (defaults 10000, 10).
 */
public final class TranscriptBenchmark {
    private static final long TICKET = 1;

    private TranscriptBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        try (HikariDataSource database = H2Database.create("transcript-bench", "V1__tickets.sql")) {
            try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO ticket (id, guild_id, number, category_id, category_name, opener_id, "
                        + "channel_id, thread, state, topic, priority, claimed_by, answers, opened_at, "
                        + "first_responder_id, last_message_at, closed_by, close_reason) VALUES (" + TICKET
                        + ", 1, 1, 1, 'Support', 100, 200, FALSE, 'open', 'A long one', 'normal', 0, '', "
                        + "CURRENT_TIMESTAMP, 0, CURRENT_TIMESTAMP, 0, '')");
            }
            TranscriptStore archive = new TranscriptStore(database);
            long started = System.nanoTime();
            fill(archive, messages);
            System.out.printf("archived %d messages in %.2f s (%.0f a second, one transaction each, as they "
                    + "arrive)%n", messages, (System.nanoTime() - started) / 1e9,
                    messages / ((System.nanoTime() - started) / 1e9));
            Ticket ticket = new Ticket(TICKET, 1, 1, 1, "Support", 100, 200, false, Ticket.CLOSED, "A long one",
                    Priority.NORMAL, 0, "", Instant.now(), null, 0, Instant.now(), Instant.now(), 300, "done");
            Transcripts transcripts = new Transcripts(archive);
            // warm-up: the JIT compiles the writers and H2's read path
            Transcripts.delete(transcripts.files(ticket, "Bench guild"));

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            double[] seconds = new double[rounds];
            long htmlBytes = 0;
            long textBytes = 0;
            for (int round = 0; round < rounds; round++) {
                long start = System.nanoTime();
                List<TranscriptFile> files = transcripts.files(ticket, "Bench guild");
                seconds[round] = (System.nanoTime() - start) / 1e9;
                htmlBytes = Files.size(files.get(0).path());
                textBytes = Files.size(files.get(1).path());
                Transcripts.delete(files);
            }
            long allocatedPerRound = (threads.getCurrentThreadAllocatedBytes() - allocatedBefore) / rounds;
            sampling.set(false);
            sampler.join();
            Arrays.sort(seconds);
            System.out.printf("%d messages: both transcripts in median %.3f s, worst %.3f s over %d rounds; HTML "
                    + "%.1f MB, text %.1f MB; %.0f MB allocated a round; heap in use above the idle baseline (%.1f MB) at "
                    + "most %.1f MB (max heap %d MB)%n", messages, seconds[rounds / 2], seconds[rounds - 1], rounds,
                    htmlBytes / 1e6, textBytes / 1e6, allocatedPerRound / 1e6, baseline / 1e6,
                    (peak.get() - baseline) / 1e6, Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private static void fill(TranscriptStore archive, int messages) {
        String embed = "[{\"type\":\"rich\",\"title\":\"Order 1234\",\"description\":\"Two items, **paid** twice\","
                + "\"color\":5793266,\"fields\":[{\"name\":\"Total\",\"value\":\"42.00\",\"inline\":true}]}]";
        String attachment = "[{\"name\":\"receipt.png\",\"url\":\"https://cdn.discordapp.com/attachments/1/2/"
                + "receipt.png\",\"size\":183211}]";
        Instant at = Instant.now().minusSeconds(messages);
        for (int i = 1; i <= messages; i++) {
            long author = i % 3 == 0 ? 300 : 100;
            String text = "Message " + i + ": the order shows up twice on my statement, see `ref-" + i
                    + "` and the receipt. Could you check what happened with **this** payment?";
            archive.add(TICKET, new ArchivedMessage(i, author, author == 100 ? "opener" : "staff", false, text,
                    i % 10 == 0 ? embed : "[]", i % 20 == 0 ? attachment : "[]", at.plusSeconds(i), null, null,
                    List.of()));
            if (i % 50 == 0) {
                archive.edit(TICKET, i, text + " (corrected)", "[]", at.plusSeconds(i + 1));
            }
            if (i % 100 == 0) {
                archive.delete(TICKET, List.of((long) i), at.plusSeconds(i + 2));
            }
        }
    }
}
