package org.hotcog.tickets.internal.ticket;

/**
 * Which tickets of a guild a listing shows; 0 or null leaves a criterion out.
 *
 * @param state {@code open} or {@code closed}
 */
public record TicketFilter(String state, long openerId, long categoryId, long claimedBy, int limit, int offset) {
}
