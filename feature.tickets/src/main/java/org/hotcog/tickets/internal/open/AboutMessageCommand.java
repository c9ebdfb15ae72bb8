package org.hotcog.tickets.internal.open;

import java.util.List;

import org.hotcog.api.command.MessageCommand;
import org.hotcog.api.command.MessageCommandContext;
import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.events.interaction.component.StringSelectInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * The message context menu "Open a ticket about this message": the ticket quotes the message (link, author, text).
 * A server with several categories is asked which one first, in a menu whose id names the message.
 */
public final class AboutMessageCommand {
    static final String NAME = "Open a ticket about this message";
    /** The category menu: {@code <channel id>:<message id>} follows. */
    static final String MENU_PREFIX = "tickets:about:";
    private static final int MAX_QUOTE = 1000;

    private AboutMessageCommand() {
    }

    /** The quote of a message: its link, author and text. */
    static String quote(Message message) {
        return message.getJumpUrl() + "\n" + message.getAuthor().getName() + ": "
                + TicketMessages.cut(message.getContentDisplay(), MAX_QUOTE);
    }

    static String topic(Message message) {
        return TicketMessages.cut("About a message of " + message.getAuthor().getName(), OpenRequests.MAX_TOPIC);
    }

    /** The context menu command. */
    @Component
    public static final class Menu implements MessageCommand {
        private final CategoryStore categories;
        private final OpenRequests requests;

        @Activate
        public Menu(@Reference CategoryStore categories, @Reference OpenRequests requests) {
            this.categories = categories;
            this.requests = requests;
        }

        @Override
        public CommandData data() {
            return Commands.message(NAME).setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(MessageCommandContext ctx) {
            Message target = ctx.event().getTarget();
            List<Category> all = categories.list(ctx.guild().getIdLong());
            if (all.isEmpty()) {
                throw new Refusal("This server has no ticket categories yet.");
            }
            if (all.size() == 1) {
                requests.request(ctx, all.get(0).id(), topic(target), quote(target));
                return;
            }
            StringSelectMenu.Builder menu = StringSelectMenu.create(MENU_PREFIX + target.getChannel().getId() + ":"
                    + target.getId()).setPlaceholder("What is the ticket about?");
            all.forEach(c -> menu.addOption(c.name(), String.valueOf(c.id())));
            ctx.reply().sendEphemeral(new MessageCreateBuilder().setContent("Which kind of ticket?")
                    .setComponents(ActionRow.of(menu.build())).build());
        }
    }

    /** The choice of a category for a ticket about a message. */
    @Component
    @CustomIdPrefix(MENU_PREFIX)
    public static final class CategoryChoice implements ComponentHandler {
        private final OpenRequests requests;

        @Activate
        public CategoryChoice(@Reference OpenRequests requests) {
            this.requests = requests;
        }

        @Override
        public void handle(ComponentContext ctx) {
            String[] ids = ctx.customIdSuffix().split(":");
            if (!(ctx.event() instanceof StringSelectInteractionEvent menu) || menu.getValues().isEmpty()) {
                throw new Refusal("Pick a category in the menu.");
            }
            var channel = ctx.guild().getChannelById(net.dv8tion.jda.api.entities.channel.middleman
                    .GuildMessageChannel.class, ids[0]);
            if (channel == null) {
                throw new Refusal("The message's channel no longer exists.");
            }
            Message target;
            try {
                target = channel.retrieveMessageById(ids[1]).timeout(10, java.util.concurrent.TimeUnit.SECONDS).complete();
            } catch (RuntimeException e) {
                throw new Refusal("The message no longer exists.");
            }
            requests.request(ctx, Long.parseLong(menu.getValues().get(0)), topic(target), quote(target));
        }
    }
}
