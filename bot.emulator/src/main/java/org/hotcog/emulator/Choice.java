package org.hotcog.emulator;

/**
 * One autocomplete choice the bot offered.
 *
 * @param name what the user sees
 * @param value the value the option takes when chosen (a String, Long or Double)
 */
public record Choice(String name, Object value) {
}
