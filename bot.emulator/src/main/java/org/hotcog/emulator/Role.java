package org.hotcog.emulator;

/**
 * A role of a {@link Guild}. The {@code @everyone} role has the guild's id.
 */
public interface Role {

    /** The role's snowflake id. */
    long id();

    /** The role's name. */
    String name();

    /** The guild this role belongs to. */
    Guild guild();

    /** The permission bit set granted by this role (Discord's permission bits, e.g. {@code 1L << 13} manage messages). */
    long permissions();

    /** The role's position in the hierarchy; {@code @everyone} is 0, higher is more powerful. */
    int position();

    /**
     * Replaces the role's permissions and tells the bot with {@code GUILD_ROLE_UPDATE}.
     *
     * @param permissions the new permission bit set
     */
    void setPermissions(long permissions);
}
