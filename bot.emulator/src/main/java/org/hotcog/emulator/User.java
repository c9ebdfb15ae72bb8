package org.hotcog.emulator;

/**
 * A Discord user of the local Discord: a person a test acts as, or the bot itself.
 *
 * <p>Create people with {@link LocalDiscord#createUser(String)}; the bot is {@link LocalDiscord#botUser()}.
 */
public interface User {

    /** The user's snowflake id, as Discord and JDA see it. */
    long id();

    /** The user's unique username. */
    String name();

    /** Whether this is a bot account (true only for the application's bot user). */
    boolean bot();

    /**
     * Stops accepting DMs from the bot, as a user who turned off direct messages does: the bot can still open the
     * DM channel, but sending to it fails with 403 {@code 50007 Cannot send messages to this user}.
     *
     * @throws IllegalStateException if this is the bot
     */
    void closeDms();

    /**
     * Accepts DMs from the bot again (the default).
     *
     * @throws IllegalStateException if this is the bot
     */
    void openDms();
}
