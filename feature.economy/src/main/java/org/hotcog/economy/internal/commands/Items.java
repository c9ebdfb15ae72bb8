package org.hotcog.economy.internal.commands;

import java.util.List;
import java.util.Locale;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.economy.internal.shop.Shop;
import org.hotcog.economy.internal.shop.ShopItem;

import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** The {@code item} option of the shop's commands: autocompleted from the shop, read by id or by name. */
final class Items {
    static final String ITEM = "item";

    private Items() {
    }

    static OptionData option(String description) {
        return new OptionData(OptionType.STRING, ITEM, description, true).setAutoComplete(true).setMaxLength(100);
    }

    /** The items on sale whose name contains what was typed; the choice's value is the item's id. */
    static List<Command.Choice> suggestions(Shop shop, AutocompleteContext ctx) {
        if (ctx.guild() == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().strip().toLowerCase(Locale.ROOT);
        return shop.items(ctx.guild().getIdLong()).stream()
                .filter(item -> item.name().toLowerCase(Locale.ROOT).contains(typed))
                .limit(Shop.MAX_ITEMS).map(item -> new Command.Choice(item.name(), Long.toString(item.id()))).toList();
    }

    /** The item chosen (an id from the suggestions) or typed (a name); refused when the shop has none such. */
    static ShopItem chosen(Shop shop, SlashCommandContext ctx) {
        String value = ctx.event().getOption(ITEM, OptionMapping::getAsString).strip();
        long guildId = ctx.guild().getIdLong();
        return (value.matches("\\d{1,18}") ? shop.item(guildId, Long.parseLong(value)) : shop.item(guildId, value))
                .or(() -> shop.item(guildId, value))
                .orElseThrow(() -> new Refusal("The shop has no item \"" + value + "\": pick one from the list."));
    }
}
