package org.hotcog.api.component;

import java.util.concurrent.CompletableFuture;

import org.hotcog.api.interaction.InteractionContext;
import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** One click on a button or one choice in a select menu. */
@ProviderType
public interface ComponentContext extends InteractionContext {
    /** JDA's event: a {@code ButtonInteractionEvent} or a select menu event. */
    GenericComponentInteractionCreateEvent event();

    /** The custom id after the claimed prefix: {@code "42"} for {@code tickets:open:42}. */
    String customIdSuffix();

    /**
     * Replaces the message that holds the component, as the first answer (or after the core
     * deferred the update).
     */
    CompletableFuture<Void> updateMessage(MessageEditData message);
}
