package org.hotcog.emulator;

/**
 * A slash command a user is about to run, built like the Discord client builds it: options are checked against the
 * command the bot registered (names, types, choices, required options). Obtain one with
 * {@link LocalDiscord#command(User, TextChannel, String)}.
 *
 * {@snippet :
 * InteractionResult r = discord.command(alice, general, "pay").option("user", bob).option("amount", 10).send();
 * }
 */
public interface CommandInvocation {

    /**
     * Chooses a sub-command.
     *
     * @param name the sub-command's name
     * @return this invocation
     */
    CommandInvocation subcommand(String name);

    /**
     * Chooses a sub-command inside a sub-command group.
     *
     * @param group the group's name
     * @param name the sub-command's name
     * @return this invocation
     */
    CommandInvocation subcommand(String group, String name);

    /**
     * Sets an option. Values: String, Long/Integer, Double, Boolean; a {@link User}, {@link Role} or
     * {@link TextChannel} for user, role, channel and mentionable options.
     *
     * @param name the option's name
     * @param value the option's value
     * @return this invocation
     * @throws IllegalArgumentException if the command has no such option or the value does not fit its type
     */
    CommandInvocation option(String name, Object value);

    /**
     * Sends the command: the bot receives {@code INTERACTION_CREATE}.
     *
     * @return the interaction, to read the bot's answer from
     * @throws IllegalArgumentException if a required option is missing
     * @throws IllegalStateException if the user may not see the command (default member permissions)
     */
    InteractionResult send();

    /**
     * Types {@code partial} into the option {@code focused} and waits (up to 5 seconds) for the bot's autocomplete
     * answer. Options set before are sent too.
     *
     * @param focused the option being typed into; it must have autocomplete enabled
     * @param partial what the user has typed so far
     * @return the bot's choices
     * @throws AssertionError if the bot did not answer within 5 seconds
     */
    java.util.List<Choice> autocomplete(String focused, String partial);
}
