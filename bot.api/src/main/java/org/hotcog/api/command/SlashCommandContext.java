package org.hotcog.api.command;

import org.hotcog.api.interaction.InteractionContext;
import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/** One run of a slash command. Read options from {@link #event()}; answer through {@link #reply()}. */
@ProviderType
public interface SlashCommandContext extends InteractionContext {
    /** JDA's event: options, sub-command name, channel. Answer through {@link #reply()}, not the event. */
    SlashCommandInteractionEvent event();
}
