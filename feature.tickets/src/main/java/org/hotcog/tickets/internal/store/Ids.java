package org.hotcog.tickets.internal.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Lists of Discord ids as the tables keep them: decimal ids separated by commas, empty for none. */
public final class Ids {
    private Ids() {
    }

    public static List<Long> parse(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).map(Long::valueOf).toList();
    }

    public static String format(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
