package org.hotcog.emulator;

/**
 * A channel category of a {@link Guild}; text channels may be created inside it.
 */
public interface Category {

    /** The category's snowflake id. */
    long id();

    /** The category's name. */
    String name();

    /** The guild this category belongs to. */
    Guild guild();
}
