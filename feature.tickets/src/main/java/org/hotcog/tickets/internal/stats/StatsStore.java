package org.hotcog.tickets.internal.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.hotcog.tickets.internal.stats.TicketStats.Figures;
import org.hotcog.tickets.internal.store.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Computes the figures of {@code /ticketstats} and the REST API from the tickets and their ratings: opened and closed
 * counts, median time to the first answer, median time to the close, and the average rating, for the guild, each
 * category and each staff member. A staff member's tickets are those they claimed, closed or answered first.
 */
@Component(service = StatsStore.class)
public final class StatsStore {
    /** The columns the figures need of one ticket. */
    private record Row(String category, long openerId, long claimedBy, long closedBy, long firstResponder, Instant openedAt,
            Instant firstResponseAt, Instant closedAt, Integer rating) {
    }

    private final Database database;

    @Activate
    public StatsStore(@Reference DataSource dataSource) {
        this.database = new Database(dataSource);
    }

    /**
     * The guild's figures of tickets opened or closed since {@code since}.
     *
     * @param botId the bot's user id: its automatic closes are nobody's work
     */
    public TicketStats stats(long guildId, Instant since, long botId) {
        List<Row> rows = database.list("SELECT t.category_name, t.opener_id, t.claimed_by, t.closed_by, t.first_responder_id, "
                + "t.opened_at, t.first_response_at, t.closed_at, f.rating FROM ticket t "
                + "LEFT JOIN ticket_feedback f ON f.ticket_id = t.id WHERE t.guild_id = ? AND t.state <> 'opening' "
                + "AND (t.opened_at >= ? OR t.closed_at >= ?)",
                row -> new Row(row.getString(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        Database.instant(row, "opened_at"), Database.instant(row, "first_response_at"),
                        Database.instant(row, "closed_at"), (Integer) row.getObject(9)), guildId, since, since);
        Figures overall = figures("all", rows, since);
        List<Figures> byCategory = grouped(rows, since, row -> List.of(row.category()));
        List<Figures> byStaff = grouped(rows, since, row -> staffOf(row, botId));
        return new TicketStats(overall, byCategory, byStaff);
    }

    /** Who worked on the ticket: its holder, its first answerer, and its closer unless the opener or the bot. */
    private static List<String> staffOf(Row row, long botId) {
        List<String> staff = new ArrayList<>(3);
        long closer = row.closedBy() == row.openerId() || row.closedBy() == botId ? 0 : row.closedBy();
        for (long id : new long[] { row.claimedBy(), row.firstResponder(), closer }) {
            if (id != 0 && !staff.contains(String.valueOf(id))) {
                staff.add(String.valueOf(id));
            }
        }
        return staff;
    }

    private static List<Figures> grouped(List<Row> rows, Instant since, Function<Row, List<String>> keys) {
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row row : rows) {
            for (String key : keys.apply(row)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
            }
        }
        return groups.entrySet().stream().map(group -> figures(group.getKey(), group.getValue(), since))
                .sorted((a, b) -> Integer.compare(b.opened() + b.closed(), a.opened() + a.closed())).toList();
    }

    private static Figures figures(String key, List<Row> rows, Instant since) {
        int opened = 0;
        int closed = 0;
        List<Duration> firstResponses = new ArrayList<>();
        List<Duration> resolutions = new ArrayList<>();
        int ratings = 0;
        long ratingSum = 0;
        for (Row row : rows) {
            if (!row.openedAt().isBefore(since)) {
                opened++;
                if (row.firstResponseAt() != null) {
                    firstResponses.add(Duration.between(row.openedAt(), row.firstResponseAt()));
                }
            }
            if (row.closedAt() != null && !row.closedAt().isBefore(since)) {
                closed++;
                resolutions.add(Duration.between(row.openedAt(), row.closedAt()));
                if (row.rating() != null) {
                    ratings++;
                    ratingSum += row.rating();
                }
            }
        }
        return new Figures(key, opened, closed, median(firstResponses), median(resolutions),
                ratings == 0 ? null : ratingSum / (double) ratings, ratings);
    }

    /** The median; of an even count, the mean of the two middle values. */
    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
