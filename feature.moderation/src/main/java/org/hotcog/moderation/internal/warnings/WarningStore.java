package org.hotcog.moderation.internal.warnings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseFilter;
import org.hotcog.moderation.internal.cases.CaseStore;
import org.hotcog.moderation.internal.cases.ModCase;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Warning points in {@code moderation_warning}, one row per warn case; written in the transaction
 * of the case that gives or clears them.
 */
@Component(service = WarningStore.class)
public final class WarningStore {
    /** The most warnings of one member that are listed. */
    public static final int MAX_LISTED = 1000;

    private final DataSource database;
    private final CaseStore cases;

    @Activate
    public WarningStore(@Reference DataSource database, @Reference CaseStore cases) {
        this.database = database;
        this.cases = cases;
    }

    /** Stores the warning of a new warn case, in that case's transaction. */
    public CaseStore.WithCase give(long guildId, long userId, int points, Instant expiresAt) {
        return (connection, caseNumber) -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO moderation_warning "
                    + "(guild_id, case_number, user_id, points, expires_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setLong(1, guildId);
                insert.setInt(2, caseNumber);
                insert.setLong(3, userId);
                insert.setInt(4, points);
                insert.setTimestamp(5, expiresAt == null ? null : Timestamp.from(expiresAt));
                insert.executeUpdate();
            }
        };
    }

    /**
     * Clears a warning, in the transaction of the unwarn case.
     *
     * @throws IllegalStateException if it was cleared meanwhile, which rolls the unwarn case back
     */
    public CaseStore.WithCase clear(long guildId, int warnCaseNumber) {
        return (connection, caseNumber) -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE moderation_warning "
                    + "SET revoked_case_number = ? WHERE guild_id = ? AND case_number = ? AND revoked_case_number IS NULL")) {
                update.setInt(1, caseNumber);
                update.setLong(2, guildId);
                update.setInt(3, warnCaseNumber);
                if (update.executeUpdate() == 0) {
                    throw new IllegalStateException("warning " + warnCaseNumber + " was cleared already");
                }
            }
        };
    }

    /** The sum of the points that count at {@code now}. */
    public int activePoints(long guildId, long userId, Instant now) {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COALESCE(SUM(points), 0) FROM moderation_warning WHERE guild_id = ? AND user_id = ? "
                        + "AND revoked_case_number IS NULL AND (expires_at IS NULL OR expires_at > ?)")) {
            select.setLong(1, guildId);
            select.setLong(2, userId);
            select.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count warning points: " + e.getMessage(), e);
        }
    }

    /** Every warning of a member, cleared and expired ones included, newest first. */
    public List<Warning> of(long guildId, long userId) {
        Map<Integer, ModCase> warnCases = cases.list(guildId, new CaseFilter(userId, CaseAction.WARN, 0, 0, MAX_LISTED))
                .stream().collect(Collectors.toMap(ModCase::number, c -> c));
        List<Warning> warnings = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT case_number, points, expires_at, revoked_case_number FROM moderation_warning "
                        + "WHERE guild_id = ? AND user_id = ? ORDER BY case_number DESC LIMIT " + MAX_LISTED)) {
            select.setLong(1, guildId);
            select.setLong(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp expires = rs.getTimestamp(3);
                    ModCase warnCase = warnCases.get(rs.getInt(1));
                    if (warnCase == null) {
                        continue; // older than the newest MAX_LISTED warn cases
                    }
                    warnings.add(new Warning(warnCase, rs.getInt(2), expires == null ? null : expires.toInstant(),
                            rs.getInt(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read warnings: " + e.getMessage(), e);
        }
        return warnings;
    }

    /** The warning recorded by a warn case. */
    public Optional<Warning> find(long guildId, int warnCaseNumber) {
        return cases.find(guildId, warnCaseNumber)
                .flatMap(c -> of(guildId, c.targetId()).stream().filter(w -> w.warnCase().number() == warnCaseNumber)
                        .findFirst());
    }
}
