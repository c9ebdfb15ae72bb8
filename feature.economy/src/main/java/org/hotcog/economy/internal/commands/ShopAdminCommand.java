package org.hotcog.economy.internal.commands;

import java.util.List;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.economy.internal.ledger.Coins;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.InvalidSettingException;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.hotcog.economy.internal.shop.Shop;
import org.hotcog.economy.internal.shop.ShopItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /shopadmin add|edit|remove}: what the shop sells. Manage Server only. Every item is
 * validated; removing one takes it off sale, and members keep what they bought.
 */
@Component
public final class ShopAdminCommand implements SlashCommand {
    static final String NAME = "name";
    static final String PRICE = "price";
    static final String STOCK = "stock";
    static final String ROLE = "role";
    static final String NO_ROLE = "no-role";
    static final String DESCRIPTION = "description";
    /** The stock that means no limit, in {@code edit}. */
    static final int NO_LIMIT = -1;

    private final Shop shop;
    private final SettingsStore settings;

    @Activate
    public ShopAdminCommand(@Reference Shop shop, @Reference SettingsStore settings) {
        this.shop = shop;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        OptionData price = new OptionData(OptionType.INTEGER, PRICE, "The price in coins", true)
                .setRequiredRange(1, Coins.MAX_AMOUNT);
        OptionData stock = new OptionData(OptionType.INTEGER, STOCK, "How many there are (no limit if left out)",
                false).setRequiredRange(0, ShopItem.MAX_STOCK);
        OptionData role = new OptionData(OptionType.ROLE, ROLE, "A role that buying it gives", false);
        OptionData description = new OptionData(OptionType.STRING, DESCRIPTION, "What it is", false)
                .setMaxLength(ShopItem.MAX_DESCRIPTION);
        return Commands.slash("shopadmin", "Changes what the shop sells")
                .addSubcommands(new SubcommandData("add", "Puts an item on sale")
                                .addOptions(new OptionData(OptionType.STRING, NAME, "Its name", true)
                                        .setMaxLength(ShopItem.MAX_NAME), price, stock, role, description),
                        new SubcommandData("edit", "Changes an item; what you leave out stays")
                                .addOptions(Items.option("The item"),
                                        new OptionData(OptionType.STRING, NAME, "A new name", false)
                                                .setMaxLength(ShopItem.MAX_NAME),
                                        new OptionData(OptionType.INTEGER, PRICE, "A new price", false)
                                                .setRequiredRange(1, Coins.MAX_AMOUNT),
                                        new OptionData(OptionType.INTEGER, STOCK, "How many there are, -1 for no limit",
                                                false).setRequiredRange(NO_LIMIT, ShopItem.MAX_STOCK),
                                        role,
                                        new OptionData(OptionType.BOOLEAN, NO_ROLE, "Stop giving a role", false),
                                        description),
                        new SubcommandData("remove", "Takes an item off sale").addOptions(Items.option("The item")))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        return Items.suggestions(shop, ctx);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        EconomySettings s = settings.get(guildId);
        try {
            switch (String.valueOf(ctx.event().getSubcommandName())) {
                case "add" -> {
                    ShopItem added = shop.add(guildId, new ShopItem(0, ctx.event().getOption(NAME,
                            OptionMapping::getAsString), ctx.event().getOption(DESCRIPTION, OptionMapping::getAsString),
                            ctx.event().getOption(PRICE, OptionMapping::getAsLong),
                            ctx.event().getOption(STOCK, OptionMapping::getAsInt), roleId(ctx, 0)));
                    ctx.reply().sendEphemeral("**" + added.name() + "** is on sale for " + s.format(added.price())
                            + ".");
                }
                case "edit" -> {
                    ShopItem item = Items.chosen(shop, ctx);
                    int stock = ctx.event().getOption(STOCK, item.stock() == null ? NO_LIMIT : item.stock(),
                            OptionMapping::getAsInt);
                    ShopItem edited = new ShopItem(item.id(), ctx.event().getOption(NAME, item.name(),
                            OptionMapping::getAsString), ctx.event().getOption(DESCRIPTION, item.description(),
                            OptionMapping::getAsString), ctx.event().getOption(PRICE, item.price(),
                            OptionMapping::getAsLong), stock == NO_LIMIT ? null : stock,
                            ctx.event().getOption(NO_ROLE, false, OptionMapping::getAsBoolean) ? 0
                                    : roleId(ctx, item.roleId()));
                    shop.update(guildId, edited);
                    ctx.reply().sendEphemeral("**" + edited.name() + "** is changed: " + s.format(edited.price())
                            + (edited.stock() == null ? ", no stock limit" : ", " + edited.stock() + " in stock")
                            + (edited.roleId() == 0 ? "" : ", gives <@&" + edited.roleId() + ">") + ".");
                }
                default -> {
                    ShopItem item = Items.chosen(shop, ctx);
                    shop.remove(guildId, item.id());
                    ctx.reply().sendEphemeral("**" + item.name() + "** is off sale; those who bought it keep it.");
                }
            }
        } catch (InvalidSettingException e) {
            throw Wallets.refusal(e);
        }
    }

    /** The role option's id, refused for @everyone and managed roles; {@code absent} when left out. */
    private static long roleId(SlashCommandContext ctx, long absent) {
        Role role = ctx.event().getOption(ROLE, OptionMapping::getAsRole);
        if (role == null) {
            return absent;
        }
        if (role.isPublicRole() || role.isManaged()) {
            throw new Refusal(role.isPublicRole() ? "Everyone has @everyone: it cannot be sold."
                    : role.getAsMention() + " belongs to an integration and cannot be given.");
        }
        return role.getIdLong();
    }
}
