package org.hotcog.economy.internal.commands;

import java.util.List;
import java.util.stream.Collectors;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.economy.internal.shop.Shop;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /inventory [member]}: what a member bought in this server's shop. */
@Component
public final class InventoryCommand implements SlashCommand {
    private final Shop shop;

    @Activate
    public InventoryCommand(@Reference Shop shop) {
        this.shop = shop;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("inventory", "Shows what you or another member bought")
                .addOption(OptionType.USER, Wallets.MEMBER, "The member (you if left out)", false)
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Member member = Wallets.member(ctx, true);
        boolean self = member.getIdLong() == ctx.user().getIdLong();
        List<Shop.Owned> owned = shop.inventory(ctx.guild().getIdLong(), member.getIdLong());
        String who = self ? "You own" : "**" + Wallets.name(member) + "** owns";
        ctx.reply().send(owned.isEmpty() ? who + " nothing from the shop yet."
                : who + ": " + owned.stream().map(o -> o.quantity() + " × " + o.name())
                        .collect(Collectors.joining(", ")) + ".");
    }
}
