package org.hotcog.tickets.internal.ticket;

import java.time.Instant;

/**
 * One ticket as stored.
 *
 * @param id unique across guilds; REST and events name a ticket by it
 * @param number the guild's own numbering, as members see it
 * @param channelId its channel or private thread; 0 while it is being made
 * @param state {@link #OPENING}, {@link #OPEN} or {@link #CLOSED}
 * @param claimedBy the staff member handling it, 0 for none
 * @param answers the answers to its category's questions, as "question\nanswer" blocks separated by blank lines
 * @param firstResponseAt when someone other than the opener and the bot first wrote in it
 * @param closedBy 0 while open; the bot's id when it closed itself
 */
public record Ticket(long id, long guildId, int number, long categoryId, String categoryName, long openerId,
        long channelId, boolean thread, String state, String topic, Priority priority, long claimedBy, String answers,
        Instant openedAt, Instant firstResponseAt, long firstResponderId, Instant lastMessageAt, Instant closedAt,
        long closedBy, String closeReason) {
    public static final String OPENING = "opening";
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    /** {@code #12}, as members name it. */
    public String label() {
        return "#" + number;
    }
}
