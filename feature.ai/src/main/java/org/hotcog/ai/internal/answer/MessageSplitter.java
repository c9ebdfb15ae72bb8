package org.hotcog.ai.internal.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an answer into Discord messages of at most a given length, between words, never leaving a fenced code
 * block open: a block cut by a split is closed at the end of one message and opened again, with its language, at
 * the start of the next.
 *
 * <p>The split is stable as an answer grows: every message but the last depends only on text that is already
 * there, so a streamed answer can keep its earlier messages and edit only the last one.
 */
public final class MessageSplitter {

    /**
     * Discord's limit for a message's content. It is counted here in UTF-16 units ({@link String#length()}), never
     * fewer than Discord's count of characters, so a message within it is within Discord's.
     */
    public static final int DISCORD_LIMIT = 2000;
    private static final String FENCE = "```";
    private static final String CLOSE = "\n" + FENCE;
    /** Room for a reopened fence line with a language, its close, and some text. */
    private static final int MIN_LIMIT = 100;
    /** A language tag longer than this is not carried into the next message (it would eat the room). */
    private static final int MAX_LANGUAGE = 20;

    private final int limit;

    /**
     * @param limit the longest message, at least 100
     * @throws IllegalArgumentException for a smaller limit
     */
    public MessageSplitter(int limit) {
        if (limit < MIN_LIMIT) {
            throw new IllegalArgumentException("a message limit below " + MIN_LIMIT + " leaves no room for code blocks");
        }
        this.limit = limit;
    }

    /** A splitter for Discord's limit. */
    public static MessageSplitter discord() {
        return new MessageSplitter(DISCORD_LIMIT);
    }

    /**
     * @param text the answer so far
     * @return its messages in order, each at most the limit long; empty for an empty text
     */
    public List<String> split(String text) {
        List<String> messages = new ArrayList<>();
        int position = 0;
        String openFence = null;
        while (position < text.length()) {
            String prefix = openFence == null ? "" : openFence + "\n";
            String rest = text.substring(position);
            String fenceAtEnd = fenceAfter(openFence, rest);
            if (prefix.length() + rest.length() + (fenceAtEnd == null ? 0 : CLOSE.length()) <= limit) {
                messages.add(prefix + rest + (fenceAtEnd == null ? "" : closing(rest)));
                break;
            }
            int room = limit - prefix.length() - CLOSE.length();
            int end = breakPoint(text, position, position + room);
            String body = text.substring(position, end);
            String fence = fenceAfter(openFence, body);
            messages.add(prefix + body + (fence == null ? "" : closing(body)));
            openFence = fence;
            // the whitespace the split fell on is not carried to the next message
            position = end < text.length() && Character.isWhitespace(text.charAt(end)) ? end + 1 : end;
        }
        return messages;
    }

    private static String closing(String body) {
        return body.endsWith("\n") ? FENCE : CLOSE;
    }

    /**
     * Where to end a message that may reach {@code max}: the last line end in its second half, else the last
     * whitespace, else (one word longer than a message) {@code max} itself, not between two halves of a character.
     */
    private static int breakPoint(String text, int from, int max) {
        int lastSpace = -1;
        for (int i = max; i > from; i--) {
            char c = text.charAt(i);
            if (c == '\n' && i - from >= (max - from) / 2) {
                return i;
            }
            if (lastSpace < 0 && Character.isWhitespace(c)) {
                lastSpace = i;
            }
        }
        if (lastSpace > from) {
            return lastSpace;
        }
        return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    }

    /**
     * The fence still open after {@code body}, given the one open before it.
     *
     * @param open the opening fence line to carry ({@code ```java}), or null outside a block
     * @param body text read line by line
     * @return the fence to reopen after it, or null when no block is open
     */
    static String fenceAfter(String open, String body) {
        String fence = open;
        int start = 0;
        while (start <= body.length()) {
            int newline = body.indexOf('\n', start);
            String line = (newline < 0 ? body.substring(start) : body.substring(start, newline)).strip();
            if (line.startsWith(FENCE)) {
                if (fence == null) {
                    String language = line.substring(FENCE.length()).strip();
                    int space = language.indexOf(' ');
                    language = space < 0 ? language : language.substring(0, space);
                    fence = FENCE + (language.length() <= MAX_LANGUAGE && !language.contains(FENCE) ? language : "");
                } else if (line.chars().allMatch(c -> c == '`')) {
                    fence = null;
                }
            }
            if (newline < 0) {
                break;
            }
            start = newline + 1;
        }
        return fence;
    }
}
