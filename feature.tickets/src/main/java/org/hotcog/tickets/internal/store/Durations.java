package org.hotcog.tickets.internal.store;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as members type and read them: {@code 90s}, {@code 45m}, {@code 2h}, {@code 1d12h}. */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d{1,6})([smhdw])");
    private static final Map<Character, ChronoUnit> UNITS = Map.of('s', ChronoUnit.SECONDS, 'm', ChronoUnit.MINUTES,
            'h', ChronoUnit.HOURS, 'd', ChronoUnit.DAYS, 'w', ChronoUnit.WEEKS);

    private Durations() {
    }

    /**
     * Reads a duration such as {@code 1d12h}; {@code off} and {@code 0} are zero.
     *
     * @throws InvalidInput naming {@code field} when the text is no duration or is longer than {@code max}
     */
    public static Duration parse(String field, String text, Duration max) {
        String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
        if (typed.equals("off") || typed.equals("0")) {
            return Duration.ZERO;
        }
        Matcher part = PART.matcher(typed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            ChronoUnit unit = UNITS.get(part.group(2).charAt(0));
            total = total.plus(unit.getDuration().multipliedBy(Long.parseLong(part.group(1))));
            end = part.end();
        }
        if (end == 0 || end != typed.length()) {
            throw new InvalidInput(field, "must be a duration like 30m, 12h or 2d, or off");
        }
        if (total.compareTo(max) > 0) {
            throw new InvalidInput(field, "must be at most " + describe(max));
        }
        return total;
    }

    /** {@code 1d 2h}, {@code 5m}, {@code 42s}: the two largest units. */
    public static String describe(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long[] sizes = { 86_400, 3_600, 60, 1 };
        String[] units = { "d", "h", "m", "s" };
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < sizes.length && shown < 2; i++) {
            long amount = seconds / sizes[i];
            seconds %= sizes[i];
            if (amount > 0) {
                text.append(text.isEmpty() ? "" : " ").append(amount).append(units[i]);
                shown++;
            }
        }
        return text.isEmpty() ? "0s" : text.toString();
    }
}
