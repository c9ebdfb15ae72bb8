package org.hotcog.tickets.internal.tags;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.tickets.internal.store.Database;
import org.hotcog.tickets.internal.store.InvalidInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Saved staff replies, in {@code ticket_tag}: a name unique in its guild (in any case) and a text. */
@Component(service = TagStore.class)
public final class TagStore {
    public static final int MAX_NAME = 32;
    public static final int MAX_CONTENT = 2000;
    /** A guild's tags stay few enough to pick from. */
    public static final int MAX_PER_GUILD = 200;

    /** A saved reply. */
    public record Tag(long id, String name, String content) {
        public Tag {
            name = InvalidInput.text("name", name, MAX_NAME, true);
            content = InvalidInput.text("content", content, MAX_CONTENT, true);
        }
    }

    private final Database database;

    @Activate
    public TagStore(@Reference DataSource dataSource) {
        this.database = new Database(dataSource);
    }

    public List<Tag> list(long guildId) {
        return database.list("SELECT id, name, content FROM ticket_tag WHERE guild_id = ? ORDER BY name_key",
                row -> new Tag(row.getLong(1), row.getString(2), row.getString(3)), guildId);
    }

    public Optional<Tag> find(long guildId, String name) {
        return database.first("SELECT id, name, content FROM ticket_tag WHERE guild_id = ? AND name_key = ?",
                row -> new Tag(row.getLong(1), row.getString(2), row.getString(3)), guildId, key(name));
    }

    public Optional<Tag> find(long guildId, long id) {
        return database.first("SELECT id, name, content FROM ticket_tag WHERE guild_id = ? AND id = ?",
                row -> new Tag(row.getLong(1), row.getString(2), row.getString(3)), guildId, id);
    }

    /** Adds a tag; refuses a name the guild uses already. */
    public Tag add(long guildId, Tag tag) {
        return database.transaction(connection -> {
            int count = Database.list(connection, "SELECT COUNT(*) FROM ticket_tag WHERE guild_id = ?",
                    row -> row.getInt(1), guildId).get(0);
            if (count >= MAX_PER_GUILD) {
                throw new InvalidInput("name", "a server has at most " + MAX_PER_GUILD + " tags");
            }
            if (!Database.list(connection, "SELECT 1 FROM ticket_tag WHERE guild_id = ? AND name_key = ?",
                    row -> 1, guildId, key(tag.name())).isEmpty()) {
                throw new InvalidInput("name", "there is a tag named " + tag.name() + " already");
            }
            long id = Database.insert(connection, "INSERT INTO ticket_tag (guild_id, name, name_key, content) "
                    + "VALUES (?, ?, ?, ?)", guildId, tag.name(), key(tag.name()), tag.content());
            return new Tag(id, tag.name(), tag.content());
        });
    }

    /** Replaces a tag's text; false if there is no such tag. */
    public boolean edit(long guildId, long id, String content) {
        String checked = new Tag(id, "x", content).content();
        return database.update("UPDATE ticket_tag SET content = ? WHERE guild_id = ? AND id = ?", checked, guildId,
                id) == 1;
    }

    public boolean remove(long guildId, long id) {
        return database.update("DELETE FROM ticket_tag WHERE guild_id = ? AND id = ?", guildId, id) == 1;
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
