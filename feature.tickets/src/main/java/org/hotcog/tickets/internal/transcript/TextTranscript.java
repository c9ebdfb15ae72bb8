package org.hotcog.tickets.internal.transcript;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.hotcog.tickets.internal.ticket.Ticket;

import net.dv8tion.jda.api.utils.data.DataObject;

/** A plain-text transcript: one block per message, times in UTC, for reading anywhere and for search. */
public final class TextTranscript implements TranscriptFormat {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String extension() {
        return "txt";
    }

    @Override
    public String mediaType() {
        return "text/plain; charset=utf-8";
    }

    @Override
    public void begin(Writer out, Ticket ticket, String guildName) throws IOException {
        out.write("Ticket " + ticket.label() + " · " + ticket.categoryName() + " · " + guildName + "\n");
        out.write("Opened " + time(ticket.openedAt()) + " by user " + ticket.openerId() + "\n");
        if (!ticket.topic().isEmpty()) {
            out.write("Topic: " + ticket.topic() + "\n");
        }
        if (ticket.closedAt() != null) {
            out.write("Closed " + time(ticket.closedAt()) + (ticket.closeReason().isEmpty() ? ""
                    : ": " + ticket.closeReason()) + "\n");
        }
        out.write("\n");
    }

    @Override
    public void message(Writer out, ArchivedMessage m) throws IOException {
        out.write("[" + time(m.sentAt()) + "] " + m.authorName() + (m.authorBot() ? " [bot]" : "")
                + (m.deletedAt() != null ? " (deleted " + time(m.deletedAt()) + ")" : "")
                + (m.editedAt() != null ? " (edited)" : "") + "\n");
        for (String earlier : m.earlierVersions()) {
            out.write("  before an edit: " + indent(earlier) + "\n");
        }
        if (!m.content().isEmpty()) {
            out.write("  " + indent(m.content()) + "\n");
        }
        for (DataObject embed : JsonObjects.of(m.embedsJson())) {
            out.write("  [embed] " + embed.getString("title", "") + (embed.hasKey("description")
                    ? " " + indent(embed.getString("description")) : "") + "\n");
            for (DataObject f : JsonObjects.array(embed, "fields")) {
                out.write("    " + f.getString("name", "") + ": " + indent(f.getString("value", "")) + "\n");
            }
        }
        for (DataObject attachment : JsonObjects.of(m.attachmentsJson())) {
            out.write("  [attachment] " + attachment.getString("name") + " " + attachment.getString("url") + "\n");
        }
    }

    @Override
    public void end(Writer out, int messages) throws IOException {
        out.write("\n" + messages + " message" + (messages == 1 ? "" : "s") + "\n");
    }

    private static String time(Instant at) {
        return TIME.format(at);
    }

    private static String indent(String text) {
        return text.replace("\n", "\n  ");
    }
}
