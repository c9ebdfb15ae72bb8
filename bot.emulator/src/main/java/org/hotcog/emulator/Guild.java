package org.hotcog.emulator;

import java.util.List;
import java.util.Optional;

/**
 * A Discord server of the local Discord. The bot is a member from the start, with its own role; every change made
 * here is sent to the connected bot as the matching gateway event.
 */
public interface Guild {

    /** The guild's snowflake id. */
    long id();

    /** The guild's name. */
    String name();

    /** The guild's owner, a user created with the guild. */
    User owner();

    /** The {@code @everyone} role (its id is the guild's id). */
    Role everyoneRole();

    /** The bot's own role, created with the guild with the administrator permission. */
    Role botRole();

    /**
     * Adds a user as a member and sends {@code GUILD_MEMBER_ADD} (bots see it with the GUILD_MEMBERS intent).
     *
     * @param user the user to add; adding a member twice changes nothing
     * @throws IllegalStateException if the user is banned from this guild
     */
    void addMember(User user);

    /**
     * Removes a member (as if they left) and sends {@code GUILD_MEMBER_REMOVE}.
     *
     * @param user the member to remove
     */
    void removeMember(User user);

    /** Whether the user is a member of this guild. */
    boolean isMember(User user);

    /** The members of this guild, bot and owner included. */
    List<User> members();

    /**
     * The membership of a user: nickname, roles and timeout as the bot left them.
     *
     * @param user a member of this guild
     * @return the live membership
     * @throws IllegalArgumentException if the user is not a member
     */
    Member member(User user);

    /** The bans of this guild, in the order they were made. */
    List<Ban> bans();

    /**
     * Gives a member a role and sends {@code GUILD_MEMBER_UPDATE}.
     *
     * @param member a member of this guild
     * @param role a role of this guild
     */
    void addRole(User member, Role role);

    /**
     * Takes a role from a member and sends {@code GUILD_MEMBER_UPDATE}.
     *
     * @param member a member of this guild
     * @param role a role of this guild
     */
    void removeRole(User member, Role role);

    /** The roles a member has, without {@code @everyone}. */
    List<Role> rolesOf(User member);

    /**
     * Creates a role just above the existing ones and sends {@code GUILD_ROLE_CREATE}.
     *
     * @param name the role's name
     * @param permissions the role's permission bits
     * @return the new role
     */
    Role createRole(String name, long permissions);

    /**
     * Creates a role just above {@code @everyone}, below every other role (the bot's own included), as a bot's
     * Create Guild Role does; the others move up, and each change is sent to the bot.
     *
     * @param name the role's name
     * @param permissions the role's permission bits
     * @return the new role
     * @since 1.3
     */
    Role createRoleAtBottom(String name, long permissions);

    /** The roles of this guild, {@code @everyone} included. */
    List<Role> roles();

    /**
     * Creates a text channel at the top level and sends {@code CHANNEL_CREATE}.
     *
     * @param name the channel's name
     * @return the new channel
     */
    TextChannel createTextChannel(String name);

    /**
     * Creates a text channel inside a category and sends {@code CHANNEL_CREATE}.
     *
     * @param name the channel's name
     * @param parent a category of this guild
     * @return the new channel
     */
    TextChannel createTextChannel(String name, Category parent);

    /**
     * Creates a category and sends {@code CHANNEL_CREATE}.
     *
     * @param name the category's name
     * @return the new category
     */
    Category createCategory(String name);

    /**
     * Finds a text channel or thread by name, e.g. one the bot created.
     *
     * @param name the channel's name
     * @return the first channel with that name, in creation order
     */
    Optional<TextChannel> channel(String name);

    /**
     * Finds a category by name.
     *
     * @param name the category's name
     * @return the first category with that name, in creation order
     */
    Optional<Category> category(String name);

    /** The text channels and threads of this guild. */
    List<TextChannel> textChannels();
}
