package org.hotcog.core.internal.settings;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** The forms a configuration value can take, each with the sentence that describes it. */
public enum ValueForm {
    TEXT("any text", v -> true),
    PATH("a file system path", ValueForm::isPath),
    HOST("a host name or IP address, such as 127.0.0.1 or 0.0.0.0",
            v -> Pattern.matches("[A-Za-z0-9.:\\-\\[\\]]+", v)),
    PORT("a whole number from 1 to 65535", v -> inRange(v, 1, 65535)),
    POOL_SIZE("a whole number from 1 to 200", v -> inRange(v, 1, 200)),
    JDBC_URL("a JDBC URL starting with jdbc:h2: or jdbc:postgresql://",
            v -> v.startsWith("jdbc:h2:") || v.startsWith("jdbc:postgresql://")),
    LOG_LEVEL("one of trace, debug, info, warn, error",
            v -> Set.of("trace", "debug", "info", "warn", "error").contains(v)),
    USER_NAME("a name of 1 to 64 letters, digits, '.', '_' or '-'", v -> Pattern.matches("[A-Za-z0-9._\\-]{1,64}", v)),
    PASSWORD("at least 12 characters", v -> v.length() >= 12),
    URL("an http://, https://, ws:// or wss:// URL", v -> Pattern.matches("(https?|wss?)://[^\\s]+", v)),
    SNOWFLAKES("Discord ids separated by commas, such as 123456789012345678,223456789012345678",
            v -> Pattern.matches("\\d{1,20}(\\s*,\\s*\\d{1,20})*", v)),
    SHARDS("shard ids and the total, such as \"0-1 of 4\" or \"2 of 4\"", ValueForm::isShardSpec),
    DISCORD_TOKEN("a bot token (three dot-separated parts)", v -> Pattern.matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+", v)),
    API_TOKEN("24 to 200 letters, digits, '_' or '-'", v -> Pattern.matches("[A-Za-z0-9_\\-]{24,200}", v)),
    SECRET_KEY("32 random bytes in Base64 (44 characters), such as the output of openssl rand -base64 32",
            v -> SecretKeyText.decode(v).isPresent()),
    RATE("a whole number of requests per second from 1 to 1000000", v -> inRange(v, 1, 1_000_000)),
    ORIGINS("origins separated by commas, such as https://admin.example.org,http://localhost:3000",
            v -> Pattern.matches("https?://[^\\s,/]+(\\s*,\\s*https?://[^\\s,/]+)*", v));

    private final String expected;
    private final Predicate<String> test;

    ValueForm(String expected, Predicate<String> test) {
        this.expected = expected;
        this.test = test;
    }

    public boolean accepts(String value) {
        return test.test(value);
    }

    public String expected() {
        return expected;
    }

    private static boolean inRange(String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            return number >= min && number <= max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isShardSpec(String value) {
        try {
            ShardSpec.parse(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isPath(String value) {
        try {
            Path.of(value);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
