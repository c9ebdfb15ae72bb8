package org.hotcog.tickets.internal.feedback;

import java.time.Instant;

import javax.sql.DataSource;

import org.hotcog.tickets.internal.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Openers' ratings of their closed tickets, in {@code ticket_feedback}: one per ticket. */
@Component(service = FeedbackStore.class)
public final class FeedbackStore {
    private final Database database;

    @Activate
    public FeedbackStore(@Reference DataSource dataSource) {
        this.database = new Database(dataSource);
    }

    /** Stores the rating; false if the ticket was rated already. */
    public boolean rate(long ticketId, int rating, String comment, Instant at) {
        return database.transaction(connection -> {
            if (!Database.list(connection, "SELECT 1 FROM ticket_feedback WHERE ticket_id = ?", row -> 1, ticketId)
                    .isEmpty()) {
                return false;
            }
            Database.update(connection, "INSERT INTO ticket_feedback (ticket_id, rating, comment, given_at) "
                    + "VALUES (?, ?, ?, ?)", ticketId, rating, comment, at);
            return true;
        });
    }

    public boolean rated(long ticketId) {
        return database.first("SELECT 1 FROM ticket_feedback WHERE ticket_id = ?", row -> 1, ticketId).isPresent();
    }
}
