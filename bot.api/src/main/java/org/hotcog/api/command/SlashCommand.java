package org.hotcog.api.command;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * A slash command: what Discord shows, and what happens when a user runs it.
 *
 * <p>{@link #handle} runs on the core's bounded executor, never on JDA's threads, so it may block
 * (database, HTTP). When it has not answered within about 2.5 seconds the core defers for it; its
 * later {@code ctx.reply().send(...)} then completes the deferred answer. An exception other than
 * {@link org.hotcog.api.interaction.Refusal} becomes a short ephemeral error for the user and a
 * logged failure with a correlation id.
 */
@ConsumerType
public interface SlashCommand {
    /**
     * The command's name, description, options, sub-commands, default member permissions and
     * contexts (guild only or also in DMs), built with JDA's {@code Commands.slash(...)}. Called
     * when the command set is synced; must return the same data every time.
     */
    SlashCommandData data();

    /** Handles one run of the command (any of its sub-commands). */
    void handle(SlashCommandContext ctx) throws Exception;

    /**
     * Suggestions while the user types an option declared with autocomplete. Must answer fast
     * (Discord waits 3 seconds); at most 25 choices are shown.
     */
    default List<Command.Choice> autocomplete(AutocompleteContext ctx) throws Exception {
        return List.of();
    }
}
