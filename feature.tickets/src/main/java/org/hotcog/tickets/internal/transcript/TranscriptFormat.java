package org.hotcog.tickets.internal.transcript;

import java.io.IOException;
import java.io.Writer;

import org.hotcog.tickets.internal.ticket.Ticket;

/** One way to write a transcript: a head, each archived message in order, a tail. */
public interface TranscriptFormat {
    /** The file name's extension and the REST answer's media type. */
    String extension();

    String mediaType();

    void begin(Writer out, Ticket ticket, String guildName) throws IOException;

    void message(Writer out, ArchivedMessage message) throws IOException;

    void end(Writer out, int messages) throws IOException;
}
