package org.hotcog.tickets.internal.manage;

import java.util.List;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketFilter;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * {@code /tickets [member] [state]}: a member's tickets, ten a page, newest first. Members list their own; those who
 * may manage messages list anyone's. The page buttons carry the listing in their id.
 */
public final class TicketList {
    static final String PREFIX = "tickets:list:";
    static final int PAGE = 10;

    private TicketList() {
    }

    /** A page, after checking that the member may see that member's tickets. */
    static Page page(InteractionContext ctx, TicketStore tickets, long memberId, String state, int page) {
        boolean own = memberId == ctx.user().getIdLong();
        if (!own && !ctx.member().hasPermission(Permission.MESSAGE_MANAGE)) {
            throw new Refusal("You can list your own tickets; other members' need Manage Messages.");
        }
        TicketFilter filter = new TicketFilter(state, memberId, 0, 0, PAGE, page * PAGE);
        return new Page(memberId, state, page, tickets.list(ctx.guild().getIdLong(), filter),
                tickets.count(ctx.guild().getIdLong(), filter));
    }

    record Page(long memberId, String state, int page, List<Ticket> tickets, int total) {
        int pages() {
            return Math.max(1, (total + PAGE - 1) / PAGE);
        }

        EmbedBuilder embed() {
            EmbedBuilder embed = new EmbedBuilder().setColor(TicketMessages.TICKET_COLOR)
                    .setTitle("Tickets of a member").setDescription("<@" + memberId + ">: " + total + " ticket"
                            + (total == 1 ? "" : "s") + (state == null ? "" : " " + state));
            for (Ticket t : tickets) {
                embed.addField(t.label() + " · " + t.categoryName() + " · " + t.state(),
                        (t.isOpen() ? "<#" + t.channelId() + ">" : "closed <t:" + t.closedAt().getEpochSecond()
                                + ":R>") + " · opened <t:" + t.openedAt().getEpochSecond() + ":R>"
                                + (t.topic().isEmpty() ? "" : "\n" + TicketMessages.cut(t.topic(), 200)), false);
            }
            return embed.setFooter("Page " + (page + 1) + " of " + pages());
        }

        ActionRow buttons() {
            String base = PREFIX + memberId + ":" + (state == null ? "all" : state) + ":";
            return ActionRow.of(Button.secondary(base + (page - 1), "◀").withDisabled(page == 0),
                    Button.secondary(base + (page + 1), "▶").withDisabled(page + 1 >= pages()));
        }
    }

    /** {@code /tickets}. */
    @Component
    public static final class ListCommand implements SlashCommand {
        private final TicketStore tickets;

        @Activate
        public ListCommand(@Reference TicketStore tickets) {
            this.tickets = tickets;
        }

        @Override
        public SlashCommandData data() {
            return Commands.slash("tickets", "Lists a member's tickets")
                    .addOptions(new OptionData(OptionType.USER, "member", "Whose (yours if left out)", false),
                            new OptionData(OptionType.STRING, "state", "Open or closed (both if left out)", false)
                                    .addChoice("open", Ticket.OPEN).addChoice("closed", Ticket.CLOSED))
                    .setContexts(InteractionContextType.GUILD);
        }

        @Override
        public void handle(SlashCommandContext ctx) {
            Member member = ctx.event().getOption("member", OptionMapping::getAsMember);
            long memberId = member == null ? ctx.user().getIdLong() : member.getIdLong();
            Page page = page(ctx, tickets, memberId, ctx.event().getOption("state", OptionMapping::getAsString), 0);
            ctx.reply().sendEphemeral(new MessageCreateBuilder().setEmbeds(page.embed().build())
                    .setComponents(page.buttons()).build());
        }
    }

    /** The ◀ and ▶ buttons of a listing: {@code <member>:<state>:<page>}. */
    @Component
    @CustomIdPrefix(PREFIX)
    public static final class PageButtons implements ComponentHandler {
        private final TicketStore tickets;

        @Activate
        public PageButtons(@Reference TicketStore tickets) {
            this.tickets = tickets;
        }

        @Override
        public void handle(ComponentContext ctx) {
            String[] parts = ctx.customIdSuffix().split(":");
            String state = "all".equals(parts[1]) ? null : parts[1];
            Page page = page(ctx, tickets, Long.parseLong(parts[0]), state, Math.max(0, Integer.parseInt(parts[2])));
            ctx.updateMessage(new MessageEditBuilder().setEmbeds(page.embed().build())
                    .setComponents(page.buttons()).build());
        }
    }
}
