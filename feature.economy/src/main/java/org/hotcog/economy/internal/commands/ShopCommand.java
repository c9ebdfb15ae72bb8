package org.hotcog.economy.internal.commands;

import java.util.List;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.hotcog.economy.internal.shop.Shop;
import org.hotcog.economy.internal.shop.ShopItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** {@code /shop}: what the server sells, cheapest first, with stock and role rewards. */
@Component
public final class ShopCommand implements SlashCommand {
    private final Shop shop;
    private final SettingsStore settings;

    @Activate
    public ShopCommand(@Reference Shop shop, @Reference SettingsStore settings) {
        this.shop = shop;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("shop", "Shows what you can buy with /buy").setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        EconomySettings s = settings.get(ctx.guild().getIdLong());
        List<ShopItem> items = shop.items(ctx.guild().getIdLong());
        EmbedBuilder embed = new EmbedBuilder().setTitle("Shop");
        if (items.isEmpty()) {
            embed.setDescription("Nothing for sale yet.");
        }
        for (ShopItem item : items) {
            StringBuilder text = new StringBuilder(s.format(item.price()));
            if (item.stock() != null) {
                text.append(item.stock() == 0 ? " · sold out" : " · " + item.stock() + " left");
            }
            if (item.roleId() != 0) {
                text.append(" · gives <@&").append(item.roleId()).append('>');
            }
            if (item.description() != null) {
                text.append('\n').append(item.description());
            }
            embed.addField(item.name(), text.toString(), false);
        }
        ctx.reply().send(new MessageCreateBuilder().addEmbeds(embed.build()).build());
    }
}
