package org.hotcog.core.internal.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: every change to the running bot, who made it and how it ended. Changes are rare,
 * so each entry is written at once; an entry that cannot be written is logged instead, never lost
 * silently and never a reason to fail the change itself.
 */
@Component(service = AuditLog.class)
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    public static final int MAX_PAGE = 500;

    private final DataSource database;

    @Activate
    public AuditLog(@Reference DataSource database) {
        this.database = database;
    }

    public void record(String actor, String action, String target, String result, String detail) {
        try (Connection c = database.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO hotcog_audit_log "
                        + "(at, actor, action, target, result, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
            insert.setString(2, truncate(actor, 100));
            insert.setString(3, truncate(action, 200));
            insert.setString(4, truncate(target, 200));
            insert.setString(5, result);
            insert.setString(6, truncate(detail, 2000));
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.warn("Could not write to the audit log ({}): {} {} {} {} {}", e.getMessage(), actor, action, target,
                    result, detail);
        }
    }

    /** The newest entries first, those older than {@code beforeId} when it is positive. */
    public List<AuditEntry> newest(int limit, long beforeId) throws SQLException {
        try (Connection c = database.getConnection();
                PreparedStatement query = c.prepareStatement("SELECT id, at, actor, action, target, result, detail "
                        + "FROM hotcog_audit_log WHERE id < ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
            query.setLong(1, beforeId > 0 ? beforeId : Long.MAX_VALUE);
            query.setInt(2, Math.min(limit, MAX_PAGE));
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
            return entries;
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
