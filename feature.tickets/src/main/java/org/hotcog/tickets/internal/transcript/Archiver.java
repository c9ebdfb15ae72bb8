package org.hotcog.tickets.internal.transcript;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.hotcog.api.gateway.ChannelScoped;
import org.hotcog.api.gateway.GatewayIntents;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.close.Reminders;
import org.hotcog.tickets.internal.close.TicketCloser;
import org.hotcog.tickets.internal.discord.Access;
import org.hotcog.tickets.internal.ticket.OpenTickets;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.channel.ChannelDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageBulkDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageDeleteEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.events.message.MessageUpdateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.utils.data.DataArray;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * Archives every message of an open ticket as it arrives, and its edits and deletions, so a transcript never depends
 * on the channel still existing. A member's message also counts as activity for the reminder's timer, and the first
 * message of the category's staff is the ticket's first response. A ticket channel deleted by hand closes its
 * ticket, with the transcript from the archive.
 */
@Component(service = EventListener.class)
@GatewayIntents({ GatewayIntent.GUILD_MESSAGES, GatewayIntent.MESSAGE_CONTENT })
public final class Archiver extends ListenerAdapter implements ChannelScoped {
    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

    private final OpenTickets open;
    private final TicketStore tickets;
    private final TranscriptStore archive;
    private final Reminders reminders;
    private final TicketCloser closer;
    private final CategoryStore categories;

    @Activate
    public Archiver(@Reference OpenTickets open, @Reference TicketStore tickets, @Reference TranscriptStore archive,
            @Reference Reminders reminders, @Reference TicketCloser closer, @Reference CategoryStore categories) {
        this.categories = categories;
        this.open = open;
        this.tickets = tickets;
        this.archive = archive;
        this.reminders = reminders;
        this.closer = closer;
    }

    /** Only open tickets' channels: the bot's answers elsewhere, one per interaction, do not wake this thread. */
    @Override
    public boolean watches(long channelId) {
        return open.ticketOf(channelId).isPresent();
    }

    @Override
    public void onMessageReceived(MessageReceivedEvent event) {
        OptionalLong ticketId = open.ticketOf(event.getChannel().getIdLong());
        if (ticketId.isEmpty() || !event.isFromGuild()) {
            return;
        }
        Message message = event.getMessage();
        archive.add(ticketId.getAsLong(), new ArchivedMessage(message.getIdLong(), message.getAuthor().getIdLong(),
                message.getAuthor().getName(), message.getAuthor().isBot(), message.getContentRaw(),
                embeds(message.getEmbeds()), attachments(message.getAttachments()),
                message.getTimeCreated().toInstant(), null, null, List.of()));
        if (!message.getAuthor().isBot()) {
            tickets.find(ticketId.getAsLong()).filter(Ticket::isOpen).ifPresent(ticket -> {
                tickets.recordActivity(ticket, message.getAuthor().getIdLong(), isFirstResponse(ticket, event),
                        Instant.now());
                reminders.activity(ticket);
            });
        }
    }

    /** Whether this is the first answer of the ticket's staff (an added member's message is not one). */
    private boolean isFirstResponse(Ticket ticket, MessageReceivedEvent event) {
        if (ticket.firstResponseAt() != null || event.getMember() == null
                || event.getAuthor().getIdLong() == ticket.openerId()) {
            return false;
        }
        return categories.find(ticket.guildId(), ticket.categoryId())
                .map(category -> Access.isStaff(event.getMember(), category)).orElse(false);
    }

    @Override
    public void onMessageUpdate(MessageUpdateEvent event) {
        open.ticketOf(event.getChannel().getIdLong()).ifPresent(ticketId -> {
            Message message = event.getMessage();
            Instant at = message.getTimeEdited() == null ? Instant.now() : message.getTimeEdited().toInstant();
            archive.edit(ticketId, message.getIdLong(), message.getContentRaw(), embeds(message.getEmbeds()), at);
        });
    }

    @Override
    public void onMessageDelete(MessageDeleteEvent event) {
        open.ticketOf(event.getChannel().getIdLong())
                .ifPresent(ticketId -> archive.delete(ticketId, List.of(event.getMessageIdLong()), Instant.now()));
    }

    @Override
    public void onMessageBulkDelete(MessageBulkDeleteEvent event) {
        open.ticketOf(event.getChannel().getIdLong()).ifPresent(ticketId -> archive.delete(ticketId,
                event.getMessageIds().stream().map(Long::valueOf).toList(), Instant.now()));
    }

    @Override
    public void onChannelDelete(ChannelDeleteEvent event) {
        long channelId = event.getChannel().getIdLong();
        open.ticketOf(channelId).ifPresent(ticketId -> {
            open.remove(channelId);
            tickets.find(ticketId).filter(Ticket::isOpen).ifPresent(ticket -> {
                LOG.info("The channel of ticket {} of guild {} was deleted; closing the ticket", ticket.label(),
                        ticket.guildId());
                closer.close(event.getGuild(), ticket, event.getJDA().getSelfUser().getIdLong(),
                        "Its channel was deleted");
            });
        });
    }

    static String embeds(List<MessageEmbed> embeds) {
        DataArray array = DataArray.empty();
        embeds.forEach(embed -> array.add(embed.toData()));
        return array.toString();
    }

    static String attachments(List<Message.Attachment> attachments) {
        DataArray array = DataArray.empty();
        attachments.forEach(a -> array.add(DataObject.empty().put("name", a.getFileName()).put("url", a.getUrl())
                .put("size", a.getSize())));
        return array.toString();
    }
}
