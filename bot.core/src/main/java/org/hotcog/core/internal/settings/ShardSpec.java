package org.hotcog.core.internal.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which of the bot's shards this process runs: {@code "0-1 of 4"}, {@code "2,3 of 4"}, {@code "0 of 1"}.
 * Several processes split one bot by running disjoint ids of the same total.
 *
 * @param ids the shard ids, each below {@code total}
 * @param total how many shards the bot has in all
 */
public record ShardSpec(List<Integer> ids, int total) {
    private static final Pattern FORM = Pattern.compile("\\s*([0-9,\\-\\s]+?)\\s+of\\s+(\\d{1,5})\\s*");

    /** @throws IllegalArgumentException when the text is not of the form "ids of total" */
    public static ShardSpec parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not \"<ids> of <total>\": " + text);
        }
        int total = Integer.parseInt(m.group(2));
        List<Integer> ids = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            String[] range = part.trim().split("-");
            int from = Integer.parseInt(range[0].trim());
            int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
            if (range.length > 2 || from > to || to >= total) {
                throw new IllegalArgumentException("bad shard range " + part + " of " + total);
            }
            for (int id = from; id <= to; id++) {
                ids.add(id);
            }
        }
        if (total < 1 || ids.stream().distinct().count() != ids.size()) {
            throw new IllegalArgumentException("bad shards: " + text);
        }
        return new ShardSpec(List.copyOf(ids), total);
    }
}
