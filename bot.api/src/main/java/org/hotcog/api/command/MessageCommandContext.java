package org.hotcog.api.command;

import org.hotcog.api.interaction.InteractionContext;
import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;

/** One run of a message context-menu command; the target is {@code event().getTarget()}. */
@ProviderType
public interface MessageCommandContext extends InteractionContext {
    MessageContextInteractionEvent event();
}
