package org.hotcog.api.component;

import org.hotcog.api.interaction.InteractionContext;
import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;

/** One submitted modal. Read the fields with {@code event().getValue(id)}. */
@ProviderType
public interface ModalContext extends InteractionContext {
    ModalInteractionEvent event();

    /** The custom id after the claimed prefix. */
    String customIdSuffix();
}
