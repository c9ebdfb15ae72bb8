package org.hotcog.ai.internal.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.hotcog.api.storage.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A guild's AI settings on the bundle's tables: the provider, model and persona chosen for the guild or a channel
 * ({@code ai_choice}), the personas its admins define ({@code ai_persona}), and its allow and block lists
 * ({@code ai_access}). Every value is checked here, each error naming what is wrong.
 */
@Component(service = AiSettingsStore.class)
public final class AiSettingsStore {

    /** Persona names as members type them: lower case, digits, - and _. */
    private static final Pattern PERSONA = Pattern.compile("[a-z0-9_-]{1,32}");
    static final int MAX_PROMPT = 4_000;
    /** A guild keeps at most this many personas (Discord shows 25 choices). */
    static final int MAX_PERSONAS = 25;

    /** Which value of a choice. */
    public enum Field {
        /** The provider's name. */
        PROVIDER("provider", 32),
        /** The model. */
        MODEL("model", 200),
        /** The persona's name. */
        PERSONA("persona", 32);

        private final String column;
        private final int maxLength;

        Field(String column, int maxLength) {
            this.column = column;
            this.maxLength = maxLength;
        }
    }

    private final DataSource database;

    /**
     * @param database the bundle's database, migrated by the core
     */
    @Activate
    public AiSettingsStore(@Reference DataSource database) {
        this.database = database;
    }

    /**
     * @param guildId the guild
     * @param channelId a channel (for a thread, its parent is asked by the caller), or 0 for the guild alone
     * @return the channel's choice over the guild's
     * @throws SQLException if the database fails
     */
    public Choice choice(long guildId, long channelId) throws SQLException {
        Map<Long, Choice> rows = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT channel_id, provider, model, persona FROM ai_choice WHERE guild_id = ? AND channel_id IN (0, ?)")) {
            query.setLong(1, guildId);
            query.setLong(2, channelId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getLong(1), new Choice(result.getString(2), result.getString(3),
                            result.getString(4)));
                }
            }
        }
        Choice guild = rows.getOrDefault(0L, Choice.NONE);
        return channelId == 0 ? guild : rows.getOrDefault(channelId, Choice.NONE).over(guild);
    }

    /**
     * Sets or clears one value of a guild's or a channel's choice.
     *
     * @param guildId the guild
     * @param channelId a channel, or 0 for the guild
     * @param field which value
     * @param value the value, or null to fall back to the level below
     * @throws SQLException if the database fails
     * @throws IllegalArgumentException naming the field if the value does not fit
     */
    public void choose(long guildId, long channelId, Field field, String value) throws SQLException {
        String checked = value == null ? null : value.strip();
        if (checked != null && (checked.isEmpty() || checked.length() > field.maxLength)) {
            throw new IllegalArgumentException(field.column + ": 1 to " + field.maxLength + " characters");
        }
        Transactions.inTransaction(database, connection -> {
            // a row first, so that the update below has one to change, whatever another process did
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ai_choice (guild_id, "
                    + "channel_id) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM ai_choice WHERE guild_id = ? "
                    + "AND channel_id = ?)")) {
                insert.setLong(1, guildId);
                insert.setLong(2, channelId);
                insert.setLong(3, guildId);
                insert.setLong(4, channelId);
                insert.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE ai_choice SET " + field.column
                    + " = ? WHERE guild_id = ? AND channel_id = ?")) {
                if (checked == null) {
                    update.setNull(1, Types.VARCHAR);
                } else {
                    update.setString(1, checked);
                }
                update.setLong(2, guildId);
                update.setLong(3, channelId);
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Defines or redefines a persona.
     *
     * @param guildId the guild
     * @param name its name: 1-32 of a-z, 0-9, - and _
     * @param prompt its system prompt, up to 4,000 characters
     * @throws SQLException if the database fails
     * @throws IllegalArgumentException naming the value that does not fit, or when the guild has 25 already
     */
    public void definePersona(long guildId, String name, String prompt) throws SQLException {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (!PERSONA.matcher(key).matches()) {
            throw new IllegalArgumentException("name: 1-32 of a-z, 0-9, - and _");
        }
        if (prompt == null || prompt.isBlank() || prompt.length() > MAX_PROMPT) {
            throw new IllegalArgumentException("prompt: 1 to " + MAX_PROMPT + " characters");
        }
        Transactions.inTransaction(database, connection -> {
            boolean existed = delete(connection, "DELETE FROM ai_persona WHERE guild_id = ? AND name = ?", guildId,
                    key) > 0;
            if (!existed && personas(connection, guildId).size() >= MAX_PERSONAS) {
                throw new IllegalArgumentException("name: a server has at most " + MAX_PERSONAS + " personas");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ai_persona (guild_id, name, prompt) VALUES (?, ?, ?)")) {
                insert.setLong(1, guildId);
                insert.setString(2, key);
                insert.setString(3, prompt.strip());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param guildId the guild
     * @param name a persona's name
     * @return whether there was one to remove (choices naming it fall back to no persona)
     * @throws SQLException if the database fails
     */
    public boolean removePersona(long guildId, String name) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return delete(connection, "DELETE FROM ai_persona WHERE guild_id = ? AND name = ?", guildId,
                    name.strip().toLowerCase(Locale.ROOT)) > 0;
        }
    }

    /**
     * @param guildId the guild
     * @return its personas by name, in name order
     * @throws SQLException if the database fails
     */
    public Map<String, String> personas(long guildId) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return personas(connection, guildId);
        }
    }

    /**
     * @param guildId the guild
     * @param name a persona's name, or null
     * @return its system prompt, if the guild defines it
     * @throws SQLException if the database fails
     */
    public Optional<String> persona(long guildId, String name) throws SQLException {
        return name == null ? Optional.empty()
                : Optional.ofNullable(personas(guildId).get(name.strip().toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> personas(Connection connection, long guildId) throws SQLException {
        Map<String, String> personas = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT name, prompt FROM ai_persona WHERE guild_id = ? ORDER BY name")) {
            query.setLong(1, guildId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    personas.put(result.getString(1), result.getString(2));
                }
            }
        }
        return personas;
    }

    /**
     * Puts a user, role or channel on the allow or the block list (off the other one).
     *
     * @param guildId the guild
     * @param rule the entry
     * @throws SQLException if the database fails
     */
    public void putRule(long guildId, AccessRule rule) throws SQLException {
        Transactions.inTransaction(database, connection -> {
            removeRule(connection, guildId, rule.kind(), rule.targetId());
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ai_access (guild_id, kind, target_id, allowed) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, guildId);
                insert.setString(2, rule.kind().name().toLowerCase(Locale.ROOT));
                insert.setLong(3, rule.targetId());
                insert.setBoolean(4, rule.allowed());
                insert.executeUpdate();
            }
            return null;
        });
    }

    /**
     * @param guildId the guild
     * @param kind what the entry names
     * @param targetId its id
     * @return whether it was on a list
     * @throws SQLException if the database fails
     */
    public boolean removeRule(long guildId, AccessRule.Kind kind, long targetId) throws SQLException {
        try (Connection connection = database.getConnection()) {
            return removeRule(connection, guildId, kind, targetId) > 0;
        }
    }

    private static int removeRule(Connection connection, long guildId, AccessRule.Kind kind, long targetId)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM ai_access WHERE guild_id = ? AND kind = ? AND target_id = ?")) {
            delete.setLong(1, guildId);
            delete.setString(2, kind.name().toLowerCase(Locale.ROOT));
            delete.setLong(3, targetId);
            return delete.executeUpdate();
        }
    }

    /**
     * @param guildId the guild
     * @return its allow and block lists
     * @throws SQLException if the database fails
     */
    public List<AccessRule> rules(long guildId) throws SQLException {
        List<AccessRule> rules = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(
                "SELECT kind, target_id, allowed FROM ai_access WHERE guild_id = ? ORDER BY kind, target_id")) {
            query.setLong(1, guildId);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rules.add(new AccessRule(AccessRule.Kind.valueOf(result.getString(1).toUpperCase(Locale.ROOT)),
                            result.getLong(2), result.getBoolean(3)));
                }
            }
        }
        return rules;
    }

    private static int delete(Connection connection, String sql, long guildId, String name) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(sql)) {
            delete.setLong(1, guildId);
            delete.setString(2, name);
            return delete.executeUpdate();
        }
    }
}
