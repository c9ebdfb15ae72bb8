package org.hotcog.tickets.internal.close;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.settings.GuildSettings;
import org.hotcog.tickets.internal.discord.TicketEvents;
import org.hotcog.tickets.internal.discord.TicketMessages;
import org.hotcog.tickets.internal.feedback.FeedbackButtons;
import org.hotcog.tickets.internal.settings.TicketSettings;
import org.hotcog.tickets.internal.ticket.OpenTickets;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.hotcog.tickets.internal.transcript.TranscriptStore;
import org.hotcog.tickets.internal.transcript.Transcripts;
import org.hotcog.tickets.internal.transcript.Transcripts.TranscriptFile;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/**
 * Closes tickets: marks the row closed (once, whoever else tries at the same time), writes the transcripts from the
 * archive, posts them to the log channel and to the opener, asks the opener for feedback, then removes the channel
 * (a thread is archived and locked instead). A step that fails after the row is closed is logged and the others
 * still run: the transcript stays in the archive and the REST API whatever Discord does.
 */
@Component(service = TicketCloser.class)
public final class TicketCloser {
    private static final Logger LOG = LoggerFactory.getLogger(TicketCloser.class);
    private static final long DISCORD_TIMEOUT_SECONDS = 30;

    private final TicketStore tickets;
    private final TranscriptStore archive;
    private final Transcripts transcripts;
    private final OpenTickets open;
    private final Reminders reminders;
    private final TicketEvents events;
    private final GuildSettings settings;

    @Activate
    public TicketCloser(@Reference TicketStore tickets, @Reference TranscriptStore archive,
            @Reference Transcripts transcripts, @Reference OpenTickets open, @Reference Reminders reminders,
            @Reference TicketEvents events, @Reference GuildSettings settings) {
        this.tickets = tickets;
        this.archive = archive;
        this.transcripts = transcripts;
        this.open = open;
        this.reminders = reminders;
        this.events = events;
        this.settings = settings;
    }

    /**
     * Closes an open ticket.
     *
     * @param closerId who closes it: a member, or the bot itself
     * @param reason why; empty for none
     * @return false if it was closed already (by someone else meanwhile)
     */
    public boolean close(Guild guild, Ticket ticket, long closerId, String reason) {
        if (!tickets.close(ticket.id(), closerId, reason, Instant.now())) {
            return false;
        }
        reminders.cancel(ticket);
        Ticket closed = tickets.find(ticket.id()).orElseThrow();
        LOG.info("Ticket {} of guild {} closed by {}", closed.label(), closed.guildId(), closerId);
        sendTranscripts(guild, closed);
        removeChannel(guild, closed);
        events.closed(closed, closerId, reason);
        return true;
    }

    private void sendTranscripts(Guild guild, Ticket ticket) {
        List<TranscriptFile> files;
        try {
            files = transcripts.files(ticket, guild.getName());
        } catch (RuntimeException e) {
            LOG.error("Could not write the transcripts of ticket {} of guild {}; they stay in the archive",
                    ticket.label(), ticket.guildId(), e);
            return;
        }
        try {
            int messages = archive.count(ticket.id());
            postToLog(guild, ticket, files, messages);
            if (settings.get(guild.getIdLong(), TicketSettings.TRANSCRIPT_DM)) {
                sendToOpener(guild, ticket, files.get(0), messages);
            }
        } finally {
            Transcripts.delete(files);
        }
    }

    private void postToLog(Guild guild, Ticket ticket, List<TranscriptFile> files, int messages) {
        long logId = settings.get(guild.getIdLong(), TicketSettings.LOG_CHANNEL);
        TextChannel log = logId == 0 ? null : guild.getTextChannelById(logId);
        if (log == null) {
            LOG.info("Ticket {} of guild {}: no log channel set, the transcript is in the archive only",
                    ticket.label(), ticket.guildId());
            return;
        }
        List<FileUpload> uploads = new ArrayList<>();
        files.forEach(file -> uploads.add(FileUpload.fromData(file.path(), file.name())));
        try {
            log.sendMessage(new MessageCreateBuilder().setEmbeds(TicketMessages.closedSummary(ticket, messages))
                    .setFiles(uploads).build()).timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        } catch (RuntimeException e) {
            LOG.warn("Could not post the transcript of ticket {} to the log channel {} of guild {}: {}",
                    ticket.label(), logId, ticket.guildId(), e.toString());
        }
    }

    private void sendToOpener(Guild guild, Ticket ticket, TranscriptFile html, int messages) {
        try {
            User opener = guild.getJDA().retrieveUserById(ticket.openerId())
                    .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            MessageCreateBuilder message = new MessageCreateBuilder()
                    .setContent("Your ticket " + ticket.label() + " in " + guild.getName() + " is closed.")
                    .setEmbeds(TicketMessages.closedSummary(ticket, messages))
                    .setFiles(FileUpload.fromData(html.path(), html.name()));
            if (settings.get(guild.getIdLong(), TicketSettings.FEEDBACK)) {
                message.setComponents(FeedbackButtons.row(ticket));
            }
            opener.openPrivateChannel().flatMap(dm -> dm.sendMessage(message.build()))
                    .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        } catch (ErrorResponseException e) {
            if (e.getErrorResponse() == ErrorResponse.CANNOT_SEND_TO_USER) {
                LOG.info("Ticket {} of guild {}: the opener does not accept direct messages; no transcript sent",
                        ticket.label(), ticket.guildId());
            } else {
                LOG.warn("Could not send the transcript of ticket {} of guild {} to its opener: {}", ticket.label(),
                        ticket.guildId(), e.toString());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not send the transcript of ticket {} of guild {} to its opener: {}", ticket.label(),
                    ticket.guildId(), e.toString());
        }
    }

    private void removeChannel(Guild guild, Ticket ticket) {
        GuildChannel channel = guild.getGuildChannelById(ticket.channelId());
        try {
            if (channel instanceof ThreadChannel thread) {
                thread.sendMessage("This ticket is closed.").timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                        .complete();
                thread.getManager().setLocked(true).setArchived(true).reason("Ticket " + ticket.label() + " closed")
                        .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            } else if (channel != null) {
                channel.delete().reason("Ticket " + ticket.label() + " closed")
                        .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
            }
        } catch (RuntimeException e) {
            LOG.warn("Ticket {} of guild {} is closed but its channel could not be removed: {}", ticket.label(),
                    ticket.guildId(), e.toString());
        } finally {
            open.remove(ticket.channelId());
        }
    }
}
