package org.hotcog.economy.internal.commands;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.hotcog.economy.internal.shop.Shop;
import org.hotcog.economy.internal.shop.ShopItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /buy item [quantity]}: buys from the shop. An item that gives a role is bought once, and
 * only when the bot can give that role; if Discord still refuses it, the purchase is undone.
 */
@Component
public final class BuyCommand implements SlashCommand {
    static final String QUANTITY = "quantity";
    static final int MAX_QUANTITY = 100;
    private static final Logger LOG = LoggerFactory.getLogger(BuyCommand.class);
    private static final long DISCORD_TIMEOUT_SECONDS = 10;

    private final Shop shop;
    private final SettingsStore settings;

    @Activate
    public BuyCommand(@Reference Shop shop, @Reference SettingsStore settings) {
        this.shop = shop;
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("buy", "Buys an item from the shop")
                .addOptions(Items.option("What to buy"),
                        new OptionData(OptionType.INTEGER, QUANTITY, "How many (1 if left out)", false)
                                .setRequiredRange(1, MAX_QUANTITY))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        return Items.suggestions(shop, ctx);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ShopItem item = Items.chosen(shop, ctx);
        int quantity = ctx.event().getOption(QUANTITY, 1, OptionMapping::getAsInt);
        Member buyer = ctx.member();
        Role role = item.roleId() == 0 ? null : requireGivable(ctx, item, quantity);
        long guildId = ctx.guild().getIdLong();
        EconomySettings s = settings.get(guildId);
        long scope = s.scope(guildId);
        Shop.Purchase purchase;
        try {
            purchase = shop.buy(scope, guildId, buyer.getIdLong(), item.id(), quantity);
        } catch (LedgerRefusal refused) {
            throw Wallets.refusal(refused, s, buyer, true);
        } catch (Shop.PurchaseRefused refused) {
            throw new Refusal(refused.getMessage());
        }
        if (role != null) {
            try {
                ctx.guild().addRoleToMember(buyer, role).reason("Bought in the shop: " + item.name())
                        .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            } catch (RuntimeException e) {
                LOG.warn("Guild {}: could not give role {} for item {}; the purchase is undone: {}", guildId,
                        role.getId(), item.id(), e.toString());
                try {
                    shop.refund(scope, guildId, buyer.getIdLong(), purchase);
                } catch (LedgerRefusal impossible) {
                    // a refund only adds coins; a wallet at the balance limit keeps the item instead
                    throw new Refusal("Discord refused to give you the role, and your wallet is too full to take "
                            + "the coins back: ask an admin.");
                }
                throw new Refusal("Discord refused to give you " + role.getAsMention() + "; your "
                        + s.currencyName() + " are back.");
            }
        }
        ctx.reply().send("You bought " + (quantity == 1 ? "" : quantity + " × ") + "**" + item.name() + "** for "
                + s.format(item.price() * quantity) + (role == null ? "" : " and got " + role.getAsMention())
                + ". Balance: " + s.format(purchase.balance()) + ".");
    }

    /** The role the item gives, refused unless the buyer lacks it and the bot can give it. */
    private static Role requireGivable(SlashCommandContext ctx, ShopItem item, int quantity) {
        if (quantity != 1) {
            throw new Refusal("**" + item.name() + "** gives a role: buy it once.");
        }
        Role role = ctx.guild().getRoleById(item.roleId());
        if (role == null) {
            throw new Refusal("The role **" + item.name() + "** gives no longer exists: ask an admin to fix the shop.");
        }
        if (ctx.member().getRoles().contains(role)) {
            throw new Refusal("You have " + role.getAsMention() + " already.");
        }
        Member self = ctx.guild().getSelfMember();
        if (!self.hasPermission(Permission.MANAGE_ROLES) || !self.canInteract(role)) {
            throw new Refusal("I cannot give " + role.getAsMention() + ": I need Manage Roles and a role above it. "
                    + "Nothing was bought.");
        }
        return role;
    }
}
