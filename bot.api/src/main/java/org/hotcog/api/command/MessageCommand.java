package org.hotcog.api.command;

import org.osgi.annotation.versioning.ConsumerType;

import net.dv8tion.jda.api.interactions.commands.build.CommandData;

/** A command in a message's context menu ("Apps" → name), such as "Open a ticket about this message". */
@ConsumerType
public interface MessageCommand {
    /** Built with JDA's {@code Commands.message(name)}. */
    CommandData data();

    /** Runs on the core's executor, like {@link SlashCommand#handle}. */
    void handle(MessageCommandContext ctx) throws Exception;
}
