package org.hotcog.api.command;

import org.hotcog.api.interaction.InteractionContext;
import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;

/** One run of a user context-menu command; the target is {@code event().getTarget()}. */
@ProviderType
public interface UserCommandContext extends InteractionContext {
    UserContextInteractionEvent event();
}
