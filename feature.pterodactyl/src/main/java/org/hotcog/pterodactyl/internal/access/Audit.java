package org.hotcog.pterodactyl.internal.access;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.hotcog.api.pterodactyl.PterodactylTopics;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.store.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every power signal and console command sent from Discord, whatever the panel answered: a row in
 * {@code ptero_audit}, a log line and an Event Admin event ({@link PterodactylTopics}).
 */
@Component(service = Audit.class)
public final class Audit {
    /** One audited action. */
    public record Entry(long id, long guildId, long userId, String panel, String serverId, String serverName,
            String action, String detail, boolean memberKey, String outcome, Instant at) {
    }

    public static final String POWER = "power";
    public static final String COMMAND = "command";
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);

    private final Sql sql;
    private final EventAdmin events;

    @Activate
    public Audit(@Reference DataSource dataSource, @Reference EventAdmin events) {
        this.sql = new Sql(dataSource);
        this.events = events;
    }

    /** The outcome's wire name for a failure: {@code rate-limited} for {@link PanelException.RateLimited}. */
    public static String outcome(PanelException failure) {
        if (failure == null) {
            return "ok";
        }
        if (failure instanceof PanelException.Unauthorized) {
            return "unauthorized";
        } else if (failure instanceof PanelException.Forbidden) {
            return "forbidden";
        } else if (failure instanceof PanelException.NotFound) {
            return "not-found";
        } else if (failure instanceof PanelException.RateLimited) {
            return "rate-limited";
        } else if (failure instanceof PanelException.ServerOffline) {
            return "server-offline";
        } else if (failure instanceof PanelException.Rejected) {
            return "rejected";
        } else if (failure instanceof PanelException.Unavailable) {
            return "unavailable";
        }
        return "bad-response";
    }

    /**
     * Records an action after the panel answered.
     *
     * @param action {@link #POWER} (detail: the signal) or {@link #COMMAND} (detail: the command)
     * @param failure what the panel refused it with, or null when it was carried out
     */
    public void record(long guildId, long userId, String panel, String serverId, String serverName, String action,
            String detail, boolean memberKey, PanelException failure) {
        String outcome = outcome(failure);
        Instant at = Instant.now();
        sql.update("INSERT INTO ptero_audit (guild_id, user_id, panel, server_id, server_name, action, detail, "
                + "member_key, outcome, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", guildId, userId, panel, serverId,
                serverName, action, detail, memberKey, outcome, at);
        LOG.info("Pterodactyl {} {} to {}/{} ({}) by {} in guild {} with the {} key: {}", action, detail, panel,
                serverId, serverName, userId, guildId, memberKey ? "member's" : "panel's", outcome);
        Map<String, Object> properties = new HashMap<>();
        properties.put(PterodactylTopics.GUILD_ID, guildId);
        properties.put(PterodactylTopics.USER_ID, userId);
        properties.put(PterodactylTopics.PANEL, panel);
        properties.put(PterodactylTopics.SERVER_ID, serverId);
        properties.put(PterodactylTopics.SERVER_NAME, serverName);
        properties.put(PterodactylTopics.MEMBER_KEY, memberKey);
        properties.put(PterodactylTopics.OUTCOME, outcome);
        properties.put(action.equals(POWER) ? PterodactylTopics.SIGNAL : PterodactylTopics.COMMAND_TEXT, detail);
        events.postEvent(new Event(action.equals(POWER) ? PterodactylTopics.POWER : PterodactylTopics.COMMAND,
                properties));
    }

    /** The guild's latest actions, newest first. */
    public List<Entry> latest(long guildId, int limit) {
        return sql.list("SELECT id, guild_id, user_id, panel, server_id, server_name, action, detail, member_key, "
                + "outcome, at FROM ptero_audit WHERE guild_id = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                row -> new Entry(row.getLong(1), row.getLong(2), row.getLong(3), row.getString(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getBoolean(9), row.getString(10),
                        row.getTimestamp(11).toInstant()), guildId);
    }
}
