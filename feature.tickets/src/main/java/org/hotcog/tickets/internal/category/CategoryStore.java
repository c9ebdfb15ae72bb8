package org.hotcog.tickets.internal.category;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.tickets.internal.store.Database;
import org.hotcog.tickets.internal.store.Ids;
import org.hotcog.tickets.internal.store.InvalidInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The guilds' ticket categories and their questions, in {@code ticket_category} and {@code ticket_question}. */
@Component(service = CategoryStore.class)
public final class CategoryStore {
    /** The most categories a guild may have: a panel's select menu shows at most 25. */
    public static final int MAX_PER_GUILD = 25;
    private static final String COLUMNS = "id, guild_id, name, emoji, description, staff_roles, ping_roles, "
            + "required_roles, discord_category_id, fallback_category_id, channel_name, opening_message, member_limit, "
            + "total_limit, cooldown_seconds, private_thread, thread_channel_id";

    private final Database database;

    @Activate
    public CategoryStore(@Reference DataSource dataSource) {
        this.database = new Database(dataSource);
    }

    /** A guild's categories, oldest first. */
    public List<Category> list(long guildId) {
        return database.transaction(connection -> {
            List<Category> bare = Database.list(connection, "SELECT " + COLUMNS
                    + " FROM ticket_category WHERE guild_id = ? ORDER BY id", CategoryStore::read, guildId);
            return bare.stream().map(category -> withQuestions(connection, category)).toList();
        });
    }

    public Optional<Category> find(long guildId, long id) {
        return one("id = ?", guildId, id);
    }

    /** The category of that name, in any case. */
    public Optional<Category> findByName(long guildId, String name) {
        return one("name_key = ?", guildId, key(name));
    }

    /** Stores a new category; refuses a name the guild already uses, or a 26th category. */
    public Category create(long guildId, Category category) {
        return database.transaction(connection -> {
            int count = Database.list(connection, "SELECT COUNT(*) FROM ticket_category WHERE guild_id = ?",
                    row -> row.getInt(1), guildId).get(0);
            if (count >= MAX_PER_GUILD) {
                throw new InvalidInput("name", "a server has at most " + MAX_PER_GUILD + " ticket categories");
            }
            refuseTakenName(connection, guildId, category.name(), 0);
            long id = Database.insert(connection, "INSERT INTO ticket_category (guild_id, name, name_key, emoji, "
                    + "description, staff_roles, ping_roles, required_roles, discord_category_id, fallback_category_id, "
                    + "channel_name, opening_message, member_limit, total_limit, cooldown_seconds, private_thread, "
                    + "thread_channel_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    values(guildId, category));
            writeQuestions(connection, id, category.questions());
            return category.withId(id, guildId);
        });
    }

    /** Replaces a category's fields and questions; empty if the guild has no such category. */
    public Optional<Category> update(long guildId, long id, Category category) {
        return database.transaction(connection -> {
            refuseTakenName(connection, guildId, category.name(), id);
            Object[] values = values(guildId, category);
            Object[] parameters = new Object[values.length - 1 + 2];
            System.arraycopy(values, 1, parameters, 0, values.length - 1);
            parameters[parameters.length - 2] = id;
            parameters[parameters.length - 1] = guildId;
            int changed = Database.update(connection, "UPDATE ticket_category SET name = ?, name_key = ?, emoji = ?, "
                    + "description = ?, staff_roles = ?, ping_roles = ?, required_roles = ?, discord_category_id = ?, "
                    + "fallback_category_id = ?, channel_name = ?, opening_message = ?, member_limit = ?, "
                    + "total_limit = ?, cooldown_seconds = ?, private_thread = ?, thread_channel_id = ? "
                    + "WHERE id = ? AND guild_id = ?", parameters);
            if (changed == 0) {
                return Optional.<Category>empty();
            }
            Database.update(connection, "DELETE FROM ticket_question WHERE category_id = ?", id);
            writeQuestions(connection, id, category.questions());
            return Optional.of(category.withId(id, guildId));
        });
    }

    /**
     * Deletes a category; refused while it has open tickets (they would lose their staff). Closed tickets keep its
     * name for statistics and transcripts.
     *
     * @return false if the guild has no such category
     */
    public boolean delete(long guildId, long id) {
        return database.transaction(connection -> {
            int open = Database.list(connection, "SELECT COUNT(*) FROM ticket WHERE category_id = ? "
                    + "AND state <> 'closed'", row -> row.getInt(1), id).get(0);
            if (open > 0) {
                throw new InvalidInput("id", "the category still has " + open + " open ticket"
                        + (open == 1 ? "" : "s") + "; close or move them first");
            }
            return Database.update(connection, "DELETE FROM ticket_category WHERE id = ? AND guild_id = ?", id,
                    guildId) == 1;
        });
    }

    private Optional<Category> one(String condition, long guildId, Object value) {
        return database.transaction(connection -> Database.list(connection, "SELECT " + COLUMNS
                + " FROM ticket_category WHERE guild_id = ? AND " + condition, CategoryStore::read, guildId, value)
                .stream().findFirst().map(category -> withQuestions(connection, category)));
    }

    private static void refuseTakenName(Connection connection, long guildId, String name, long exceptId)
            throws SQLException {
        boolean taken = !Database.list(connection, "SELECT id FROM ticket_category WHERE guild_id = ? AND name_key = ? "
                + "AND id <> ?", row -> row.getLong(1), guildId, key(name), exceptId).isEmpty();
        if (taken) {
            throw new InvalidInput("name", "the server already has a ticket category named " + name);
        }
    }

    private static Object[] values(long guildId, Category c) {
        return new Object[] { guildId, c.name(), key(c.name()), c.emoji(), c.description(), Ids.format(c.staffRoles()),
            Ids.format(c.pingRoles()), Ids.format(c.requiredRoles()), c.discordCategoryId(), c.fallbackCategoryId(),
            c.channelName(), c.openingMessage(), c.memberLimit(), c.totalLimit(), c.cooldown().getSeconds(),
            c.privateThread(), c.threadChannelId() };
    }

    private static void writeQuestions(Connection connection, long categoryId, List<Question> questions)
            throws SQLException {
        for (int i = 0; i < questions.size(); i++) {
            Question q = questions.get(i);
            Database.update(connection, "INSERT INTO ticket_question (category_id, position, label, paragraph, "
                    + "placeholder, min_length, max_length, required) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", categoryId, i,
                    q.label(), q.paragraph(), q.placeholder(), q.minLength(), q.maxLength(), q.required());
        }
    }

    private static Category withQuestions(Connection connection, Category category) {
        try {
            List<Question> questions = Database.list(connection, "SELECT label, paragraph, placeholder, min_length, "
                    + "max_length, required FROM ticket_question WHERE category_id = ? ORDER BY position",
                    row -> new Question(row.getString(1), row.getBoolean(2), row.getString(3), row.getInt(4),
                            row.getInt(5), row.getBoolean(6)), category.id());
            return new Category(category.id(), category.guildId(), category.name(), category.emoji(),
                    category.description(), category.staffRoles(), category.pingRoles(), category.requiredRoles(),
                    category.discordCategoryId(), category.fallbackCategoryId(), category.channelName(),
                    category.openingMessage(), category.memberLimit(), category.totalLimit(), category.cooldown(),
                    category.privateThread(), category.threadChannelId(), questions);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the questions of a ticket category: " + e.getMessage(), e);
        }
    }

    private static Category read(ResultSet row) throws SQLException {
        return new Category(row.getLong("id"), row.getLong("guild_id"), row.getString("name"), row.getString("emoji"),
                row.getString("description"), Ids.parse(row.getString("staff_roles")),
                Ids.parse(row.getString("ping_roles")), Ids.parse(row.getString("required_roles")),
                row.getLong("discord_category_id"), row.getLong("fallback_category_id"),
                row.getString("channel_name"), row.getString("opening_message"), row.getInt("member_limit"),
                row.getInt("total_limit"), Duration.ofSeconds(row.getLong("cooldown_seconds")),
                row.getBoolean("private_thread"), row.getLong("thread_channel_id"), List.of());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
