package org.hotcog.pterodactyl.internal.live;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.hotcog.pterodactyl.internal.store.Sql;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Where the live status messages are, in {@code ptero_status_message}. */
@Component(service = StatusMessages.class)
public final class StatusMessages {
    /** A live status message. */
    public record Location(long messageId, long guildId, long channelId, String panel, String serverId) {
        public String ref() {
            return panel + "/" + serverId;
        }
    }

    private final Sql sql;

    @Activate
    public StatusMessages(@Reference DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    public void add(Location location, long createdBy) {
        sql.update("INSERT INTO ptero_status_message (message_id, guild_id, channel_id, panel, server_id, created_by, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", location.messageId(), location.guildId(),
                location.channelId(), location.panel(), location.serverId(), createdBy, Instant.now());
    }

    public List<Location> all() {
        return sql.list("SELECT message_id, guild_id, channel_id, panel, server_id FROM ptero_status_message "
                + "ORDER BY message_id", row -> new Location(row.getLong(1), row.getLong(2), row.getLong(3),
                        row.getString(4), row.getString(5)));
    }

    /** Forgets a message; false if it was not known. */
    public boolean remove(long messageId) {
        return sql.update("DELETE FROM ptero_status_message WHERE message_id = ?", messageId) > 0;
    }
}
