package org.hotcog.ai.internal.settings;

/**
 * What a guild or channel chose; null where it chose nothing (the next level's choice, or the default, applies).
 *
 * @param provider the provider's name
 * @param model the model
 * @param persona the persona's name
 */
public record Choice(String provider, String model, String persona) {

    /** Nothing chosen. */
    public static final Choice NONE = new Choice(null, null, null);

    /**
     * @param fallback the choice of the level below (the guild's, for a channel)
     * @return this choice, each value not chosen taken from {@code fallback}
     */
    public Choice over(Choice fallback) {
        return new Choice(provider != null ? provider : fallback.provider(), model != null ? model : fallback.model(),
                persona != null ? persona : fallback.persona());
    }
}
