package org.hotcog.tickets.internal.discord;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.store.Durations;
import org.hotcog.tickets.internal.ticket.Ticket;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.Message.MentionType;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** The messages the module posts in tickets, and the custom ids of their buttons. */
public final class TicketMessages {
    /** The Close button of a ticket: the ticket's id follows. */
    public static final String CLOSE_PREFIX = "tickets:close:";
    /** The Claim button of a ticket: the ticket's id follows. */
    public static final String CLAIM_PREFIX = "tickets:claim:";
    /** The opener's answer to a close request: {@code <ticket id>:yes} or {@code :no}. */
    public static final String CLOSE_REQUEST_PREFIX = "tickets:closereq:";
    public static final Color TICKET_COLOR = new Color(0x5865F2);
    public static final Color CLOSED_COLOR = new Color(0xED4245);
    /** The most characters of an embed field's value. */
    private static final int FIELD_MAX = 1024;

    private TicketMessages() {
    }

    /**
     * The first message of a ticket: it pings the opener and the category's ping roles (and, in a private thread, its
     * staff roles, which the mention adds to the thread) and no one else, shows the topic and answers, and carries
     * the Close and Claim buttons.
     */
    public static MessageCreateData welcome(Category category, Ticket ticket, Member opener) {
        StringBuilder pings = new StringBuilder(opener.getAsMention());
        List<Long> allowedRoles = new ArrayList<>(category.pingRoles());
        if (ticket.thread()) {
            // roles cannot be added to a private thread; a mention adds the role's members, so the staff join
            category.staffRoles().stream().filter(role -> !allowedRoles.contains(role)).forEach(allowedRoles::add);
        }
        allowedRoles.forEach(role -> pings.append(" <@&").append(role).append('>'));
        EmbedBuilder embed = new EmbedBuilder().setColor(TICKET_COLOR)
                .setTitle("Ticket " + ticket.label() + " · " + category.label())
                .setDescription(category.openingMessage());
        if (!ticket.topic().isEmpty()) {
            embed.addField("Topic", cut(ticket.topic(), FIELD_MAX), false);
        }
        for (String block : ticket.answers().isEmpty() ? new String[0] : ticket.answers().split("\n\n")) {
            int newline = block.indexOf('\n');
            String question = newline < 0 ? block : block.substring(0, newline);
            String answer = newline < 0 ? "" : block.substring(newline + 1);
            embed.addField(cut(question, 256), answer.isBlank() ? "—" : cut(answer, FIELD_MAX), false);
        }
        embed.setFooter("Opened by " + opener.getUser().getName());
        return new MessageCreateBuilder().setContent(pings.toString()).setEmbeds(embed.build())
                .setAllowedMentions(EnumSet.noneOf(MentionType.class)).mentionUsers(opener.getIdLong())
                .mentionRoles(allowedRoles.stream().map(String::valueOf).toList())
                .setComponents(ActionRow.of(Button.danger(CLOSE_PREFIX + ticket.id(), "Close"),
                        Button.secondary(CLAIM_PREFIX + ticket.id(), "Claim")))
                .build();
    }

    /** A staff member asks the opener whether the ticket may close. */
    public static MessageCreateData closeRequest(Ticket ticket, Member staff, String reason) {
        EmbedBuilder embed = new EmbedBuilder().setColor(CLOSED_COLOR).setTitle("Close this ticket?")
                .setDescription(staff.getAsMention() + " would like to close this ticket."
                        + " <@" + ticket.openerId() + ">, is your question answered?");
        if (!reason.isEmpty()) {
            embed.addField("Reason", cut(reason, FIELD_MAX), false);
        }
        return new MessageCreateBuilder().setContent("<@" + ticket.openerId() + ">").setEmbeds(embed.build())
                .setAllowedMentions(EnumSet.noneOf(MentionType.class)).mentionUsers(ticket.openerId())
                .setComponents(ActionRow.of(
                        Button.success(CLOSE_REQUEST_PREFIX + ticket.id() + ":yes", "Yes, close it"),
                        Button.secondary(CLOSE_REQUEST_PREFIX + ticket.id() + ":no", "No, keep it open")))
                .build();
    }

    /** The summary of a closed ticket, for the log channel and the opener's direct message. */
    public static MessageEmbed closedSummary(Ticket ticket, int messages) {
        EmbedBuilder embed = new EmbedBuilder().setColor(CLOSED_COLOR)
                .setTitle("Ticket " + ticket.label() + " closed · " + ticket.categoryName())
                .addField("Opened by", "<@" + ticket.openerId() + ">", true)
                .addField("Closed by", ticket.closedBy() == 0 ? "—" : "<@" + ticket.closedBy() + ">", true)
                .addField("Claimed by", ticket.claimedBy() == 0 ? "—" : "<@" + ticket.claimedBy() + ">", true)
                .addField("Open for", Durations.describe(Duration.between(ticket.openedAt(), ticket.closedAt())), true)
                .addField("Messages", String.valueOf(messages), true);
        if (!ticket.closeReason().isEmpty()) {
            embed.addField("Reason", cut(ticket.closeReason(), FIELD_MAX), false);
        }
        if (!ticket.topic().isEmpty()) {
            embed.addField("Topic", cut(ticket.topic(), FIELD_MAX), false);
        }
        return embed.setTimestamp(ticket.closedAt()).build();
    }

    public static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
