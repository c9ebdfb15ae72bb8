package org.hotcog.tickets.internal.transcript;

import java.io.IOException;
import java.io.Writer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.tickets.internal.ticket.Ticket;

import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * A self-contained HTML transcript, readable offline: styles inline, no script, no image or font fetched from
 * anywhere. Authors, times, embeds (colour bar, title, text, fields) and attachments (name and link) are shown the
 * way Discord shows them; edits show the earlier text, deleted messages are struck through. Everything a member
 * wrote is escaped, so a message can never become markup.
 */
public final class HtmlTranscript implements TranscriptFormat {
    private static final String STYLE = "body{margin:0;background:#313338;color:#dbdee1;font:15px/1.4 'gg sans',"
            + "'Helvetica Neue',Helvetica,Arial,sans-serif}header{padding:16px 20px;background:#2b2d31;"
            + "border-bottom:1px solid #1e1f22}header h1{margin:0 0 4px;font-size:20px;color:#f2f3f5}header p{margin:2px 0;"
            + "color:#b5bac1}main{padding:8px 0}.m{display:flex;padding:6px 20px}.m:hover{background:#2e3035}"
            + ".av{flex:none;width:40px;height:40px;border-radius:50%;margin-right:14px;display:flex;align-items:center;"
            + "justify-content:center;font-weight:600;color:#fff}.b{min-width:0;flex:1}.a{font-weight:600;color:#f2f3f5}"
            + ".bot{margin-left:4px;padding:0 4px;border-radius:3px;background:#5865f2;color:#fff;font-size:10px;"
            + "vertical-align:2px}.t{margin-left:6px;color:#949ba4;font-size:12px}.c{white-space:pre-wrap;"
            + "overflow-wrap:anywhere}.ed{color:#949ba4;font-size:11px}.del .c{text-decoration:line-through;color:#949ba4}"
            + ".tag{color:#f23f43;font-size:11px;margin-left:6px}.old{color:#949ba4;font-size:13px;border-left:2px solid "
            + "#4e5058;padding-left:8px;margin:2px 0;white-space:pre-wrap}.e{margin-top:6px;max-width:520px;"
            + "background:#2b2d31;border-left:4px solid #1e1f22;border-radius:4px;padding:8px 12px}.et{font-weight:600;"
            + "color:#f2f3f5}.ed2{white-space:pre-wrap}.ef{margin-top:6px}.efn{font-weight:600;font-size:13px}"
            + ".eff{font-size:12px;color:#949ba4;margin-top:6px}.f{margin-top:6px;padding:8px 12px;background:#2b2d31;"
            + "border:1px solid #1e1f22;border-radius:4px;max-width:520px}.f a{color:#00a8fc}code{background:#1e1f22;"
            + "border-radius:3px;padding:0 3px;font-family:Consolas,monospace;font-size:85%}pre{background:#2b2d31;"
            + "border:1px solid #1e1f22;border-radius:4px;padding:8px;white-space:pre-wrap;font-family:Consolas,"
            + "monospace;font-size:13px;margin:4px 0}footer{padding:12px 20px;color:#949ba4;border-top:1px solid #1e1f22}";
    private static final String[] AVATAR_COLORS = { "#5865f2", "#3ba55c", "#faa61a", "#ed4245", "#eb459e", "#747f8d" };
    private static final Pattern CODE_BLOCK = Pattern.compile("```(?:[a-zA-Z0-9+#-]*\\n)?([\\s\\S]*?)```");
    private static final Pattern INLINE_CODE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![*\\w])[*_]([^*_\\n]+)[*_](?![*\\w])");

    @Override
    public String extension() {
        return "html";
    }

    @Override
    public String mediaType() {
        return "text/html; charset=utf-8";
    }

    @Override
    public void begin(Writer out, Ticket ticket, String guildName) throws IOException {
        String title = "Ticket " + ticket.label() + " · " + ticket.categoryName();
        out.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width,initial-scale=1\"><title>" + escape(title) + "</title><style>" + STYLE
                + "</style></head><body><header><h1>" + escape(title) + "</h1><p>" + escape(guildName) + "</p>");
        out.write("<p>Opened " + TextTranscript.TIME.format(ticket.openedAt()) + " by user " + ticket.openerId()
                + "</p>");
        if (!ticket.topic().isEmpty()) {
            out.write("<p>Topic: " + escape(ticket.topic()) + "</p>");
        }
        if (ticket.closedAt() != null) {
            out.write("<p>Closed " + TextTranscript.TIME.format(ticket.closedAt())
                    + (ticket.closeReason().isEmpty() ? "" : ": " + escape(ticket.closeReason())) + "</p>");
        }
        out.write("</header><main>");
    }

    @Override
    public void message(Writer out, ArchivedMessage m) throws IOException {
        String name = m.authorName().isEmpty() ? String.valueOf(m.authorId()) : m.authorName();
        String color = AVATAR_COLORS[(int) Long.remainderUnsigned(m.authorId() >>> 22, AVATAR_COLORS.length)];
        out.write("<div class=\"m" + (m.deletedAt() != null ? " del" : "") + "\" id=\"m" + m.messageId()
                + "\"><div class=\"av\" style=\"background:" + color + "\">"
                + escape(name.substring(0, Math.min(1, name.length())).toUpperCase(java.util.Locale.ROOT))
                + "</div><div class=\"b\"><span class=\"a\" title=\"" + m.authorId() + "\">" + escape(name) + "</span>"
                + (m.authorBot() ? "<span class=\"bot\">BOT</span>" : "") + "<span class=\"t\">"
                + TextTranscript.TIME.format(m.sentAt()) + "</span>"
                + (m.deletedAt() != null ? "<span class=\"tag\">deleted " + TextTranscript.TIME.format(m.deletedAt())
                        + "</span>" : ""));
        for (String earlier : m.earlierVersions()) {
            out.write("<div class=\"old\" title=\"before an edit\">" + markdown(earlier) + "</div>");
        }
        if (!m.content().isEmpty()) {
            out.write("<div class=\"c\">" + markdown(m.content())
                    + (m.editedAt() != null ? " <span class=\"ed\">(edited)</span>" : "") + "</div>");
        }
        for (DataObject embed : JsonObjects.of(m.embedsJson())) {
            embed(out, embed);
        }
        for (DataObject attachment : JsonObjects.of(m.attachmentsJson())) {
            out.write("<div class=\"f\">📎 <a href=\"" + escape(attachment.getString("url", "")) + "\">"
                    + escape(attachment.getString("name", "file")) + "</a> <span class=\"t\">"
                    + size(attachment.getLong("size", 0)) + "</span></div>");
        }
        out.write("</div></div>\n");
    }

    private static void embed(Writer out, DataObject embed) throws IOException {
        String border = embed.hasKey("color") ? String.format("#%06x", embed.getInt("color") & 0xFFFFFF) : "#1e1f22";
        out.write("<div class=\"e\" style=\"border-left-color:" + border + "\">");
        if (embed.hasKey("title")) {
            out.write("<div class=\"et\">" + escape(embed.getString("title")) + "</div>");
        }
        if (embed.hasKey("description")) {
            out.write("<div class=\"ed2\">" + markdown(embed.getString("description")) + "</div>");
        }
        for (DataObject field : JsonObjects.array(embed, "fields")) {
            out.write("<div class=\"ef\"><div class=\"efn\">" + escape(field.getString("name", ""))
                    + "</div><div class=\"ed2\">" + markdown(field.getString("value", "")) + "</div></div>");
        }
        if (embed.hasKey("footer")) {
            out.write("<div class=\"eff\">" + escape(embed.getObject("footer").getString("text", "")) + "</div>");
        }
        out.write("</div>");
    }

    @Override
    public void end(Writer out, int messages) throws IOException {
        out.write("</main><footer>" + messages + " message" + (messages == 1 ? "" : "s")
                + "</footer></body></html>\n");
    }

    /** Discord's common markdown (code blocks, inline code, bold, italics) over escaped text. */
    static String markdown(String text) {
        String html = escape(text);
        html = CODE_BLOCK.matcher(html).replaceAll(match -> Matcher.quoteReplacement("<pre>" + match.group(1)
                + "</pre>"));
        html = INLINE_CODE.matcher(html).replaceAll("<code>$1</code>");
        html = BOLD.matcher(html).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(html).replaceAll("<em>$1</em>");
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static String size(long bytes) {
        if (bytes >= 1 << 20) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1 << 20));
        }
        return bytes >= 1 << 10 ? (bytes >> 10) + " KB" : bytes + " B";
    }
}
