package org.hotcog.tickets.internal.stats;

import java.time.Duration;
import java.util.List;

/**
 * A guild's ticket figures over a window of time.
 *
 * @param overall the whole guild
 * @param byCategory one row a category, named as the tickets were when they opened
 * @param byStaff one row a staff member who claimed, answered first or closed a ticket
 */
public record TicketStats(Figures overall, List<Figures> byCategory, List<Figures> byStaff) {
    /**
     * The figures of one group of tickets.
     *
     * @param key the category's name or the staff member's id; "all" for the whole guild
     * @param opened tickets opened in the window
     * @param closed tickets closed in the window
     * @param medianFirstResponse how long the opener waited for the first answer (null: no answer yet)
     * @param medianResolution how long tickets closed in the window were open (null: none closed)
     * @param averageRating the openers' ratings of those tickets (null: none rated)
     * @param ratings how many ratings the average is of
     */
    public record Figures(String key, int opened, int closed, Duration medianFirstResponse,
            Duration medianResolution, Double averageRating, int ratings) {
    }
}
