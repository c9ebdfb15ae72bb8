package org.hotcog.api.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One per-guild setting: where it belongs, its type, its default and which values it accepts.
 * Values are stored as text; {@link #parse} and {@link #format} convert, so REST bodies and
 * command options go through the same checks as code.
 *
 * @param <T> the value's type
 * @param module the owning module's name, such as {@code economy}
 * @param key the setting's name within the module, lower case with dots, such as {@code daily.amount}
 * @param defaultValue what {@link GuildSettings#get} answers until a guild sets a value
 * @param description one line for help texts and REST
 * @param expected the accepted form, in words, used in error messages ("a whole number from 1 to 100")
 */
public record GuildSetting<T>(String module, String key, Class<T> type, T defaultValue, String description,
        String expected, Predicate<T> accepts, Function<String, T> parser) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");

    public GuildSetting {
        Objects.requireNonNull(type, "type");
        if (module == null || !NAME.matcher(module).matches() || key == null || !NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("module and key must be lower case words joined by '.', '_' or '-': "
                    + module + "/" + key);
        }
        if (!accepts.test(defaultValue)) {
            throw new IllegalArgumentException("the default of " + module + "/" + key + " is not " + expected);
        }
    }

    /** A whole number from {@code min} to {@code max}. */
    public static GuildSetting<Long> number(String module, String key, long defaultValue, long min, long max,
            String description) {
        return new GuildSetting<>(module, key, Long.class, defaultValue, description,
                "a whole number from " + min + " to " + max, v -> v != null && v >= min && v <= max, Long::valueOf);
    }

    /** On or off; accepts true/false, on/off, yes/no. */
    public static GuildSetting<Boolean> flag(String module, String key, boolean defaultValue, String description) {
        return new GuildSetting<>(module, key, Boolean.class, defaultValue, description, "true or false",
                Objects::nonNull, GuildSetting::parseFlag);
    }

    /** Text of at most {@code maxLength} characters. */
    public static GuildSetting<String> text(String module, String key, String defaultValue, int maxLength,
            String description) {
        return new GuildSetting<>(module, key, String.class, defaultValue, description,
                "text of at most " + maxLength + " characters", v -> v != null && v.length() <= maxLength,
                Function.identity());
    }

    /** One of a fixed set of words. */
    public static GuildSetting<String> choice(String module, String key, String defaultValue, Set<String> choices,
            String description) {
        return new GuildSetting<>(module, key, String.class, defaultValue, description,
                "one of " + String.join(", ", choices.stream().sorted().toList()), choices::contains,
                Function.identity());
    }

    /** A Discord id (channel, role, user), or 0 for none. */
    public static GuildSetting<Long> snowflake(String module, String key, String description) {
        return new GuildSetting<>(module, key, Long.class, 0L, description, "a Discord id, or 0 for none",
                v -> v != null && v >= 0, Long::valueOf);
    }

    /** Module and key, as shown to operators: {@code economy/daily.amount}. */
    public String qualifiedName() {
        return module + "/" + key;
    }

    /**
     * Converts and checks a value given as text.
     *
     * @throws IllegalArgumentException naming the setting and the expected form
     */
    public T parse(String text) {
        T value;
        try {
            value = parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw invalid(text);
        }
        check(value);
        return value;
    }

    /**
     * Checks a value.
     *
     * @throws IllegalArgumentException naming the setting and the expected form
     */
    public T check(T value) {
        if (!accepts.test(value)) {
            throw invalid(String.valueOf(value));
        }
        return value;
    }

    /** The stored text form of a value. */
    public String format(T value) {
        return String.valueOf(value);
    }

    private IllegalArgumentException invalid(String value) {
        return new IllegalArgumentException(qualifiedName() + " cannot be \"" + value + "\"; expected " + expected + ".");
    }

    private static Boolean parseFlag(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Boolean.TRUE;
            case "false", "off", "no", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(text);
        };
    }
}
