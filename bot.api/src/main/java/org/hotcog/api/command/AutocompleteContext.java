package org.hotcog.api.command;

import org.osgi.annotation.versioning.ProviderType;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.interactions.AutoCompleteQuery;

/** A user typing into an autocompleted option. */
@ProviderType
public interface AutocompleteContext {
    /** The focused option: its name and what has been typed so far. */
    AutoCompleteQuery focused();

    User user();

    /** The guild, or null in a direct message. */
    Guild guild();

    /** JDA's event, for the other options typed so far. Do not answer through it. */
    CommandAutoCompleteInteractionEvent event();
}
