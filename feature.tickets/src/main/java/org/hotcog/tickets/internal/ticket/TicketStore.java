package org.hotcog.tickets.internal.ticket;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.store.Database;
import org.hotcog.tickets.internal.store.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tickets and their added members and roles, in {@code ticket}, {@code ticket_counter} and {@code ticket_participant}. */
@Component(service = TicketStore.class)
public final class TicketStore {
    /** An added member or role of a ticket. */
    public record Participant(long targetId, boolean role) {
    }

    private static final String COLUMNS = "id, guild_id, number, category_id, category_name, opener_id, channel_id, "
            + "thread, state, topic, priority, claimed_by, answers, opened_at, first_response_at, first_responder_id, "
            + "last_message_at, closed_at, closed_by, close_reason";

    private final Database database;

    @Activate
    public TicketStore(@Reference DataSource dataSource) {
        this.database = new Database(dataSource);
    }

    /**
     * Takes the guild's next number and stores the ticket as {@code opening}, after checking the category's limits
     * and cooldown for the member. The guild's counter row is locked first, so two opens of one guild (a double
     * click, two processes) are checked one after the other and never both pass a limit.
     *
     * @throws Refusal saying which limit the member reached
     */
    public Ticket reserve(Category category, long openerId, String topic, String answers, Instant now) {
        return database.transaction(connection -> {
            int number = nextNumber(connection, category.guildId());
            checkLimits(connection, category, openerId, now);
            long id = Database.insert(connection, "INSERT INTO ticket (guild_id, number, category_id, category_name, "
                    + "opener_id, channel_id, thread, state, topic, priority, claimed_by, answers, opened_at, "
                    + "first_responder_id, last_message_at, closed_by, close_reason) "
                    + "VALUES (?, ?, ?, ?, ?, 0, ?, 'opening', ?, 'normal', 0, ?, ?, 0, ?, 0, '')",
                    category.guildId(), number, category.id(), category.name(), openerId, category.privateThread(),
                    topic, answers, now, now);
            return find(connection, id).orElseThrow();
        });
    }

    private static int nextNumber(Connection connection, long guildId) throws SQLException {
        int updated = Database.update(connection,
                "UPDATE ticket_counter SET last_number = last_number + 1 WHERE guild_id = ?", guildId);
        if (updated == 0) {
            // a duplicate key here means another transaction made the row first: the whole transaction is retried
            Database.update(connection, "INSERT INTO ticket_counter (guild_id, last_number) VALUES (?, 1)", guildId);
        }
        return Database.list(connection, "SELECT last_number FROM ticket_counter WHERE guild_id = ?",
                row -> row.getInt(1), guildId).get(0);
    }

    /**
     * Refuses, as {@link #reserve} would, when the member reached a limit or is in the cooldown; for checks before
     * a modal is shown.
     */
    public void checkLimits(Category category, long openerId, Instant now) {
        database.transaction(connection -> {
            checkLimits(connection, category, openerId, now);
            return null;
        });
    }

    private static void checkLimits(Connection connection, Category category, long openerId, Instant now)
            throws SQLException {
        if (category.memberLimit() > 0) {
            int mine = count(connection, "category_id = ? AND opener_id = ? AND state <> 'closed'", category.id(),
                    openerId);
            if (mine >= category.memberLimit()) {
                throw new Refusal("You already have " + mine + " open ticket" + (mine == 1 ? "" : "s") + " in "
                        + category.name() + ", the most this category allows. Close one before opening another.");
            }
        }
        if (category.totalLimit() > 0
                && count(connection, "category_id = ? AND state <> 'closed'", category.id()) >= category.totalLimit()) {
            throw new Refusal(category.name() + " has as many open tickets as it takes (" + category.totalLimit()
                    + "). Please try again later.");
        }
        if (!category.cooldown().isZero()) {
            List<Instant> last = Database.list(connection, "SELECT MAX(opened_at) AS last_opened FROM ticket "
                    + "WHERE category_id = ? AND opener_id = ?", row -> Database.instant(row, "last_opened"),
                    category.id(), openerId);
            Instant previous = last.isEmpty() ? null : last.get(0);
            if (previous != null && previous.plus(category.cooldown()).isAfter(now)) {
                Duration wait = Duration.between(now, previous.plus(category.cooldown()));
                throw new Refusal("You opened a ticket in " + category.name() + " a short while ago. You can open "
                        + "the next one in " + Durations.describe(wait) + ".");
            }
        }
    }

    private static int count(Connection connection, String condition, Object... parameters) throws SQLException {
        return Database.list(connection, "SELECT COUNT(*) FROM ticket WHERE " + condition, row -> row.getInt(1),
                parameters).get(0);
    }

    /** The ticket's channel exists: it is open from now on. */
    public void attach(long ticketId, long channelId) {
        database.update("UPDATE ticket SET channel_id = ?, state = 'open' WHERE id = ?", channelId, ticketId);
    }

    /** Its channel could not be made: the ticket never existed (its number stays used). */
    public void abandon(long ticketId) {
        database.update("DELETE FROM ticket WHERE id = ? AND state = 'opening'", ticketId);
    }

    /** Reservations older than {@code before} whose opening never finished (the process stopped in between). */
    public List<Ticket> unfinished(Instant before) {
        return database.list("SELECT " + COLUMNS + " FROM ticket WHERE state = 'opening' AND opened_at < ?",
                TicketStore::read, before);
    }

    public Optional<Ticket> find(long guildId, long id) {
        return database.first("SELECT " + COLUMNS + " FROM ticket WHERE id = ? AND guild_id = ?", TicketStore::read,
                id, guildId);
    }

    public Optional<Ticket> find(long id) {
        return database.transaction(connection -> find(connection, id));
    }

    private static Optional<Ticket> find(Connection connection, long id) throws SQLException {
        return Database.list(connection, "SELECT " + COLUMNS + " FROM ticket WHERE id = ?", TicketStore::read, id)
                .stream().findFirst();
    }

    /** The open ticket whose channel or thread this is. */
    public Optional<Ticket> findOpenByChannel(long channelId) {
        return database.first("SELECT " + COLUMNS + " FROM ticket WHERE channel_id = ? AND state = 'open'",
                TicketStore::read, channelId);
    }

    /** Every open ticket's channel and id, to know which channels to archive. */
    public List<long[]> openChannels() {
        return database.list("SELECT channel_id, id FROM ticket WHERE state = 'open'",
                row -> new long[] { row.getLong(1), row.getLong(2) });
    }

    /** A guild's tickets, newest first. */
    public List<Ticket> list(long guildId, TicketFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(guildId, filter, parameters);
        parameters.add(filter.limit());
        parameters.add(filter.offset());
        return database.list("SELECT " + COLUMNS + " FROM ticket" + where + " ORDER BY number DESC LIMIT ? OFFSET ?",
                TicketStore::read, parameters.toArray());
    }

    /** How many tickets {@link #list} would show without its limit. */
    public int count(long guildId, TicketFilter filter) {
        List<Object> parameters = new ArrayList<>();
        String where = where(guildId, filter, parameters);
        return database.first("SELECT COUNT(*) FROM ticket" + where, row -> row.getInt(1), parameters.toArray())
                .orElse(0);
    }

    private static String where(long guildId, TicketFilter filter, List<Object> parameters) {
        StringBuilder sql = new StringBuilder(" WHERE guild_id = ?");
        parameters.add(guildId);
        if (filter.state() != null) {
            sql.append(Ticket.OPEN.equals(filter.state()) ? " AND state <> 'closed'" : " AND state = 'closed'");
        }
        criterion(sql, parameters, "opener_id", filter.openerId());
        criterion(sql, parameters, "category_id", filter.categoryId());
        criterion(sql, parameters, "claimed_by", filter.claimedBy());
        return sql.toString();
    }

    private static void criterion(StringBuilder sql, List<Object> parameters, String column, long value) {
        if (value != 0) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    /**
     * Closes an open ticket. Only one close of a ticket ever succeeds, however many processes, buttons and timers
     * try at once: the one that changes the row.
     */
    public boolean close(long ticketId, long closedBy, String reason, Instant at) {
        return database.update("UPDATE ticket SET state = 'closed', closed_at = ?, closed_by = ?, close_reason = ? "
                + "WHERE id = ? AND state = 'open'", at, closedBy, reason, ticketId) == 1;
    }

    /** Gives an unclaimed ticket to a staff member; false if someone holds it already. */
    public boolean claim(long ticketId, long staffId) {
        return database.update("UPDATE ticket SET claimed_by = ? WHERE id = ? AND claimed_by = 0 AND state = 'open'",
                staffId, ticketId) == 1;
    }

    /** Hands a ticket to {@code staffId} (a transfer), or to no one with 0 (a release). */
    public void setHolder(long ticketId, long staffId) {
        database.update("UPDATE ticket SET claimed_by = ? WHERE id = ?", staffId, ticketId);
    }

    public void setTopic(long ticketId, String topic) {
        database.update("UPDATE ticket SET topic = ? WHERE id = ?", topic, ticketId);
    }

    public void setPriority(long ticketId, Priority priority) {
        database.update("UPDATE ticket SET priority = ? WHERE id = ?", priority.wireName(), ticketId);
    }

    public void move(long ticketId, Category to) {
        database.update("UPDATE ticket SET category_id = ?, category_name = ? WHERE id = ?", to.id(), to.name(),
                ticketId);
    }

    /**
     * A member's message arrived in the ticket: it is active now.
     *
     * @param responder whether the message is the staff's first answer; recorded only if none was before
     */
    public void recordActivity(Ticket ticket, long authorId, boolean responder, Instant at) {
        database.transaction(connection -> {
            Database.update(connection, "UPDATE ticket SET last_message_at = ? WHERE id = ?", at, ticket.id());
            if (responder) {
                Database.update(connection, "UPDATE ticket SET first_response_at = ?, first_responder_id = ? "
                        + "WHERE id = ? AND first_response_at IS NULL", at, authorId, ticket.id());
            }
            return null;
        });
    }

    public List<Participant> participants(long ticketId) {
        return database.list("SELECT target_id, kind FROM ticket_participant WHERE ticket_id = ? ORDER BY target_id",
                row -> new Participant(row.getLong(1), "role".equals(row.getString(2))), ticketId);
    }

    /** Adds a member or role; false if it was there already. */
    public boolean addParticipant(long ticketId, Participant participant, long addedBy) {
        return database.transaction(connection -> {
            boolean present = !Database.list(connection, "SELECT 1 FROM ticket_participant WHERE ticket_id = ? "
                    + "AND target_id = ?", row -> 1, ticketId, participant.targetId()).isEmpty();
            if (present) {
                return false;
            }
            Database.update(connection, "INSERT INTO ticket_participant (ticket_id, target_id, kind, added_by) "
                    + "VALUES (?, ?, ?, ?)", ticketId, participant.targetId(), participant.role() ? "role" : "member",
                    addedBy);
            return true;
        });
    }

    /** Removes a member or role; false if it was not added. */
    public boolean removeParticipant(long ticketId, long targetId) {
        return database.update("DELETE FROM ticket_participant WHERE ticket_id = ? AND target_id = ?", ticketId,
                targetId) == 1;
    }

    static Ticket read(ResultSet row) throws SQLException {
        return new Ticket(row.getLong("id"), row.getLong("guild_id"), row.getInt("number"), row.getLong("category_id"),
                row.getString("category_name"), row.getLong("opener_id"), row.getLong("channel_id"),
                row.getBoolean("thread"), row.getString("state"), row.getString("topic"),
                Priority.of(row.getString("priority")), row.getLong("claimed_by"), row.getString("answers"),
                Database.instant(row, "opened_at"), Database.instant(row, "first_response_at"),
                row.getLong("first_responder_id"), Database.instant(row, "last_message_at"),
                Database.instant(row, "closed_at"), row.getLong("closed_by"), row.getString("close_reason"));
    }
}
