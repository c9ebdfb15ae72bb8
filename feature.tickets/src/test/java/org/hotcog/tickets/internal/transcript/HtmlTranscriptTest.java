package org.hotcog.tickets.internal.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import org.hotcog.tickets.internal.ticket.Priority;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.junit.jupiter.api.Test;

class HtmlTranscriptTest {
    private static final Instant AT = Instant.parse("2026-12-02T10:15:30Z");
    private static final Ticket TICKET = new Ticket(1, 10, 7, 3, "Billing <b>", 100, 200, false, Ticket.CLOSED,
            "Refund \"now\"", Priority.NORMAL, 0, "", AT, null, 0, AT, AT.plusSeconds(60), 300, "done & dusted");

    private static String html(ArchivedMessage... messages) throws Exception {
        StringWriter out = new StringWriter();
        HtmlTranscript format = new HtmlTranscript();
        format.begin(out, TICKET, "Guild's <name>");
        for (ArchivedMessage message : messages) {
            format.message(out, message);
        }
        format.end(out, messages.length);
        return out.toString();
    }

    private static ArchivedMessage message(String content, String embeds, String attachments, Instant edited,
            Instant deleted, List<String> earlier) {
        return new ArchivedMessage(1, 100, "alice", false, content, embeds, attachments, AT, edited, deleted, earlier);
    }

    @Test
    void everythingAMemberWroteIsEscapedAndTheHeadNamesTheTicket() throws Exception {
        String page = html(message("<img src=x onerror=alert(1)> & \"quotes\" 'too'", "[]", "[]", null, null,
                List.of()));
        assertThat(page).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .contains("<title>Ticket #7 · Billing &lt;b&gt;</title>", "Guild&#39;s &lt;name&gt;",
                        "Topic: Refund &quot;now&quot;", "done &amp; dusted",
                        "&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;too&#39;", "1 message<")
                .doesNotContain("<img", "<script");
    }

    @Test
    void discordMarkdownBecomesMarkupAfterEscaping() {
        assertThat(HtmlTranscript.markdown("**bold** *it* `x<y` and\n```java\nint a = 1 < 2;\n```"))
                .isEqualTo("<strong>bold</strong> <em>it</em> <code>x&lt;y</code> and\n<pre>int a = 1 &lt; 2;\n"
                        + "</pre>");
    }

    @Test
    void embedsAttachmentsEditsAndDeletionsAreShown() throws Exception {
        String embeds = "[{\"title\":\"Order <1>\",\"description\":\"**paid**\",\"color\":16711680,"
                + "\"fields\":[{\"name\":\"Total\",\"value\":\"42\"}],\"footer\":{\"text\":\"shop\"}}]";
        String attachments = "[{\"name\":\"receipt.png\",\"url\":\"https://cdn.example/r.png?a=1&b=2\","
                + "\"size\":2048}]";
        String page = html(message("now right", embeds, attachments, AT.plusSeconds(5), AT.plusSeconds(9),
                List.of("first try")));
        assertThat(page).contains("border-left-color:#ff0000", "Order &lt;1&gt;", "<strong>paid</strong>",
                "Total", ">42<", ">shop<", "href=\"https://cdn.example/r.png?a=1&amp;b=2\"", "receipt.png", "2 KB",
                "(edited)", "title=\"before an edit\">first try", "class=\"m del\"", "deleted 2026-12-02 10:15:39 UTC");
    }

    @Test
    void theTextTranscriptListsTheSame() throws Exception {
        StringWriter out = new StringWriter();
        TextTranscript format = new TextTranscript();
        format.begin(out, TICKET, "Guild");
        format.message(out, message("line one\nline two", "[{\"title\":\"T\",\"description\":\"D\"}]",
                "[{\"name\":\"a.txt\",\"url\":\"https://cdn.example/a.txt\",\"size\":1}]", AT, null, List.of("old")));
        format.end(out, 1);
        assertThat(out.toString()).contains("Ticket #7 · Billing <b> · Guild", "[2026-12-02 10:15:30 UTC] alice "
                + "(edited)", "  before an edit: old", "  line one\n  line two", "  [embed] T D",
                "  [attachment] a.txt https://cdn.example/a.txt", "1 message\n");
    }
}
