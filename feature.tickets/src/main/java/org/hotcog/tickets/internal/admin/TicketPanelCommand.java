package org.hotcog.tickets.internal.admin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.admin.PanelStore.Panel;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.hotcog.tickets.internal.open.PanelButtons;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * {@code /ticketpanel channel [style] [categories] [title] [description]}: posts a message from which members open
 * tickets, a button per category (five to a row) or one select menu. The panel is stored; its components carry the
 * categories' ids, so it keeps working after restarts and updates.
 */
@Component
public final class TicketPanelCommand implements SlashCommand {
    static final String BUTTONS = "buttons";
    static final String MENU = "menu";
    private static final int BUTTONS_PER_ROW = 5;

    private final CategoryStore categories;
    private final PanelStore panels;

    @Activate
    public TicketPanelCommand(@Reference CategoryStore categories, @Reference PanelStore panels) {
        this.categories = categories;
        this.panels = panels;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ticketpanel", "Posts a panel from which members open tickets")
                .addOptions(new OptionData(OptionType.CHANNEL, "channel", "Where to post it", true)
                                .setChannelTypes(ChannelType.TEXT),
                        new OptionData(OptionType.STRING, "style", "A button per category, or a menu", false)
                                .addChoice("Buttons", BUTTONS).addChoice("Menu", MENU),
                        new OptionData(OptionType.STRING, "categories",
                                "Category names separated by commas (all if left out)", false).setMaxLength(500),
                        new OptionData(OptionType.STRING, "title", "The panel's title", false).setMaxLength(256),
                        new OptionData(OptionType.STRING, "description", "The panel's text", false)
                                .setMaxLength(2000))
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        TextChannel channel = ctx.event().getOption("channel", OptionMapping::getAsChannel).asTextChannel();
        ctx.requireBotPermissions(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS);
        List<Category> chosen = chosen(ctx.guild().getIdLong(),
                ctx.event().getOption("categories", OptionMapping::getAsString));
        String style = ctx.event().getOption("style", BUTTONS, OptionMapping::getAsString);
        String title = ctx.event().getOption("title", "Need help?", OptionMapping::getAsString).strip();
        String description = ctx.event().getOption("description",
                "Open a ticket and the team will answer you in private.", OptionMapping::getAsString).strip();
        Message posted = channel.sendMessage(message(style, title, description, chosen))
                .timeout(15, TimeUnit.SECONDS).complete();
        panels.add(new Panel(0, ctx.guild().getIdLong(), channel.getIdLong(), posted.getIdLong(), style, title,
                description, chosen.stream().map(Category::id).toList(), ctx.user().getIdLong(), Instant.now()));
        ctx.reply().sendEphemeral("The panel is in " + channel.getAsMention() + ".");
    }

    private List<Category> chosen(long guildId, String names) {
        List<Category> all = categories.list(guildId);
        if (all.isEmpty()) {
            throw new Refusal("Make a ticket category first, with /ticketcategory create.");
        }
        if (names == null || names.isBlank()) {
            return all;
        }
        List<Category> chosen = new ArrayList<>();
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                chosen.add(categories.findByName(guildId, name.strip())
                        .orElseThrow(() -> new Refusal("There is no ticket category named " + name.strip() + ".")));
            }
        }
        return chosen.stream().distinct().toList();
    }

    static MessageCreateData message(String style, String title, String description, List<Category> categories) {
        EmbedBuilder embed = new EmbedBuilder().setColor(TicketMessages.TICKET_COLOR).setTitle(title)
                .setDescription(description);
        for (Category category : categories) {
            if (!category.description().isEmpty()) {
                embed.addField(category.label(), category.description(), false);
            }
        }
        List<ActionRow> rows = new ArrayList<>();
        if (MENU.equals(style)) {
            StringSelectMenu.Builder menu = StringSelectMenu.create(PanelButtons.PREFIX + PanelButtons.MENU)
                    .setPlaceholder("What do you need help with?");
            for (Category category : categories) {
                menu.addOption(category.name(), String.valueOf(category.id()),
                        category.description().isEmpty() ? null : category.description(),
                        category.emoji().isEmpty() ? null : Emoji.fromFormatted(category.emoji()));
            }
            rows.add(ActionRow.of(menu.build()));
        } else {
            List<Button> buttons = new ArrayList<>();
            for (Category category : categories) {
                Button button = Button.primary(PanelButtons.PREFIX + category.id(), category.name());
                buttons.add(category.emoji().isEmpty() ? button
                        : button.withEmoji(Emoji.fromFormatted(category.emoji())));
            }
            for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
            }
        }
        return new MessageCreateBuilder().setEmbeds(embed.build()).setComponents(rows).build();
    }
}
