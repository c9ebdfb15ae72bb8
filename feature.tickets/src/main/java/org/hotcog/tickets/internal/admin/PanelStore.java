package org.hotcog.tickets.internal.admin;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.hotcog.tickets.internal.store.Database;
import org.hotcog.tickets.internal.store.Ids;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The panels posted with {@code /ticketpanel}, in {@code ticket_panel}. */
@Component(service = PanelStore.class)
public final class PanelStore {
    /**
     * A posted panel.
     *
     * @param style {@code buttons} or {@code menu}
     */
    public record Panel(long id, long guildId, long channelId, long messageId, String style, String title,
            String description, List<Long> categoryIds, long createdBy, Instant createdAt) {
    }

    private final Database database;

    @Activate
    public PanelStore(@Reference DataSource dataSource) {
        this.database = new Database(dataSource);
    }

    public void add(Panel panel) {
        database.update("INSERT INTO ticket_panel (guild_id, channel_id, message_id, style, title, description, "
                + "category_ids, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", panel.guildId(),
                panel.channelId(), panel.messageId(), panel.style(), panel.title(), panel.description(),
                Ids.format(panel.categoryIds()), panel.createdBy(), panel.createdAt());
    }

    public List<Panel> list(long guildId) {
        return database.list("SELECT id, guild_id, channel_id, message_id, style, title, description, category_ids, "
                + "created_by, created_at FROM ticket_panel WHERE guild_id = ? ORDER BY id",
                row -> new Panel(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getString(5),
                        row.getString(6), row.getString(7), Ids.parse(row.getString(8)), row.getLong(9),
                        Database.instant(row, "created_at")), guildId);
    }

    /** Forgets a panel (its message was deleted); false if there was none. */
    public boolean remove(long guildId, long id) {
        return database.update("DELETE FROM ticket_panel WHERE guild_id = ? AND id = ?", guildId, id) == 1;
    }
}
