package org.hotcog.moderation.internal.time;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as moderators type them: a number and a unit, repeated: {@code 10m}, {@code 2h},
 * {@code 1d12h}, {@code 1w 2d}. Units: s, m, h, d, w.
 */
public final class Durations {
    /** The accepted form, in words, for error messages. */
    public static final String EXPECTED = "a number and a unit, like 10m, 2h or 1d12h (units: s, m, h, d, w)";

    private static final Pattern WHOLE = Pattern.compile("(\\s*\\d{1,6}\\s*[smhdw])+\\s*");
    private static final Pattern PART = Pattern.compile("(\\d{1,6})\\s*([smhdw])");

    private Durations() {
    }

    /**
     * Reads a duration and checks it against limits.
     *
     * @throws IllegalArgumentException with a sentence for the user: what was wrong and the expected form
     */
    public static Duration parse(String text, Duration min, Duration max) {
        String input = text == null ? "" : text.toLowerCase(Locale.ROOT);
        if (!WHOLE.matcher(input).matches()) {
            throw new IllegalArgumentException("\"" + (text == null ? "" : text.strip()) + "\" is not a duration: use "
                    + EXPECTED + ".");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(input);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> Duration.ofDays(7 * amount);
            });
        }
        if (total.compareTo(min) < 0 || total.compareTo(max) > 0) {
            throw new IllegalArgumentException("The duration must be from " + format(min) + " to " + format(max)
                    + "; \"" + text.strip() + "\" is " + format(total) + ".");
        }
        return total;
    }

    /** A form that {@link #parse} reads back: {@code 1d 12h}, {@code 45s}. */
    public static String format(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder text = new StringBuilder();
        // no weeks: "28d" reads better than "4w" next to Discord's limit of 28 days
        long[] sizes = { 86_400, 3_600, 60, 1 };
        String[] units = { "d", "h", "m", "s" };
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                text.append(text.isEmpty() ? "" : " ").append(seconds / sizes[i]).append(units[i]);
                seconds %= sizes[i];
            }
        }
        return text.toString();
    }
}
