package org.hotcog.api.command;

import org.osgi.annotation.versioning.ConsumerType;

import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/** A command in a user's context menu ("Apps" → name), such as "Show warnings". */
@ConsumerType
public interface UserCommand {
    /** Built with JDA's {@code Commands.user(name)}. */
    CommandData data();

    /** Runs on the core's executor, like {@link SlashCommand#handle}. */
    void handle(UserCommandContext ctx) throws Exception;
}
