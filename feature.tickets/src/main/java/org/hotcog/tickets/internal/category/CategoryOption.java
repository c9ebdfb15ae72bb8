package org.hotcog.tickets.internal.category;

import java.util.List;
import java.util.Locale;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.interaction.Refusal;

import net.dv8tion.jda.api.interactions.commands.Command;

/** A command option naming a ticket category: suggested by name, sent as the category's id. */
public final class CategoryOption {
    private CategoryOption() {
    }

    /** The categories whose name contains what was typed, at most 25. */
    public static List<Command.Choice> choices(CategoryStore categories, AutocompleteContext ctx) {
        if (ctx.guild() == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().toLowerCase(Locale.ROOT);
        return categories.list(ctx.guild().getIdLong()).stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(typed))
                .map(c -> new Command.Choice(c.label(), String.valueOf(c.id()))).limit(25).toList();
    }

    /**
     * The category picked from the suggestions (its id) or typed by name.
     *
     * @throws Refusal when there is none
     */
    public static Category resolve(CategoryStore categories, long guildId, String typed) {
        String value = typed.strip();
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            var byId = categories.find(guildId, Long.parseLong(value));
            if (byId.isPresent()) {
                return byId.get();
            }
        }
        return categories.findByName(guildId, value)
                .orElseThrow(() -> new Refusal("There is no ticket category named " + value + "."));
    }
}
