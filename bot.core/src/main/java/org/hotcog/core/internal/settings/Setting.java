package org.hotcog.core.internal.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * One configuration key: its name in the file, its environment variable, its default, and the
 * form a value must have.
 *
 * @param key name in the configuration file, such as {@code http.port}
 * @param defaultValue used when neither the file nor the environment gives one; empty means unset
 * @param form what a valid value looks like
 * @param secret a secret is never printed, not even in an error message
 * @param description one line for the documentation and for error messages
 */
public record Setting(String key, String defaultValue, ValueForm form, boolean secret, String description) {

    /** The environment variable that overrides the file: {@code http.port} is {@code HOTCOG_HTTP_PORT}. */
    public String environmentVariable() {
        return "HOTCOG_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /**
     * Checks a raw value.
     *
     * @return the problem as a sentence naming the key, or empty when the value is fine
     */
    public Optional<String> problemWith(String value) {
        if (value.isEmpty() || form.accepts(value)) {
            return Optional.empty();
        }
        String shown = secret ? "" : " is \"" + value + "\";";
        return Optional.of(key + " (" + environmentVariable() + ")" + (shown.isEmpty() ? " is invalid;" : shown)
                + " expected " + form.expected() + ".");
    }
}
