package org.hotcog.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a flight recording of Hotcog and reports the dispatcher's hand-off times: the
 * {@code org.hotcog.HandOff} events, from JDA handing over an interaction to its handler starting.
 * Only the last {@code count} events are counted, so that the warm-up stays out.
 * Usage: {@code HandOffStats <recording.jfr> <count>}.
 */
public final class HandOffStats {
    private HandOffStats() {
    }

    public static void main(String[] args) throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (event.getEventType().getName().equals("org.hotcog.HandOff")) {
                events.add(event);
            }
        }
        events.sort(Comparator.comparing(RecordedEvent::getStartTime));
        int count = Math.min(Integer.parseInt(args[1]), events.size());
        long[] micros = events.subList(events.size() - count, events.size()).stream()
                .mapToLong(e -> e.getDuration().toNanos() / 1_000).sorted().toArray();
        if (micros.length == 0) {
            System.out.println("no hand-off events in " + args[0]);
            return;
        }
        System.out.printf("dispatcher hand-off over the last %d interactions: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                micros.length, percentile(micros, 0.50), percentile(micros, 0.99), micros[micros.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, double p) {
        return Percentiles.nearestRank(sorted, p) / 1000.0;
    }
}
