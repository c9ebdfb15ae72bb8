package org.hotcog.tickets.internal.transcript;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotcog.tickets.internal.ticket.Ticket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Writes a ticket's transcripts from its archive, streaming: a ticket of any length never sits in memory whole. */
@Component(service = Transcripts.class)
public final class Transcripts {
    public static final TranscriptFormat HTML = new HtmlTranscript();
    public static final TranscriptFormat TEXT = new TextTranscript();

    /** A transcript written to a file, with the name it is posted under. */
    public record TranscriptFile(Path path, String name) {
    }

    private final TranscriptStore archive;

    @Activate
    public Transcripts(@Reference TranscriptStore archive) {
        this.archive = archive;
    }

    /** Writes the transcript in {@code format} to {@code out}; returns how many messages it holds. */
    public int write(Ticket ticket, String guildName, TranscriptFormat format, Writer out) {
        try {
            format.begin(out, ticket, guildName);
            int[] count = { 0 };
            archive.forEach(ticket.id(), message -> {
                try {
                    format.message(out, message);
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            format.end(out, count[0]);
            out.flush();
            return count[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the HTML and text transcripts to temporary files, for posting; the caller deletes them.
     *
     * @return the HTML file first
     */
    public List<TranscriptFile> files(Ticket ticket, String guildName) {
        String base = "ticket-" + ticket.guildId() + "-" + ticket.number();
        TranscriptFile html = file(ticket, guildName, HTML, base);
        try {
            return List.of(html, file(ticket, guildName, TEXT, base));
        } catch (RuntimeException e) {
            delete(List.of(html));
            throw e;
        }
    }

    private TranscriptFile file(Ticket ticket, String guildName, TranscriptFormat format, String base) {
        try {
            Path path = Files.createTempFile(base + "-", "." + format.extension());
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16)) {
                write(ticket, guildName, format, out);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(path);
                throw e;
            }
            return new TranscriptFile(path, base + "." + format.extension());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the transcript of ticket " + ticket.label(), e);
        }
    }

    public static void delete(List<TranscriptFile> files) {
        for (TranscriptFile file : files) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                // a temporary file the system cleans up later
            }
        }
    }
}
