package org.hotcog.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A text channel or a thread of a {@link Guild}, where users post and the bot answers.
 */
public interface TextChannel {

    /** The channel's snowflake id. */
    long id();

    /** The channel's name. */
    String name();

    /** The guild this channel belongs to. */
    Guild guild();

    /** Whether this is a thread: a public one (as {@link #createThread(String)} makes) or a private one. */
    boolean thread();

    /** Whether this is a private thread (type 12), which only the bot can create here. */
    boolean privateThread();

    /** The slowmode: seconds a user has to wait between messages ({@code rate_limit_per_user}), 0 for none. */
    int slowmode();

    /** Whether the channel has been deleted. */
    boolean deleted();

    /**
     * The messages currently in the channel, oldest first; deleted and ephemeral messages are not included.
     *
     * @return a snapshot list of live message handles
     */
    List<Message> messages();

    /**
     * Posts a message as {@code author}, exactly as a user typing in the client would: the message is stored and the
     * bot receives {@code MESSAGE_CREATE} (if it asked for the GUILD_MESSAGES intent; without MESSAGE_CONTENT it sees
     * an empty content unless the bot is mentioned, as on Discord).
     *
     * @param author a member of the channel's guild
     * @param content the message text
     * @return the posted message
     * @throws IllegalArgumentException if the author is not a member of the guild
     */
    Message post(User author, String content);

    /**
     * Posts a message dated in the past (its snowflake carries that time), e.g. one too old for a bulk delete; it
     * is appended to the channel like any new message.
     *
     * @param author a member of the channel's guild
     * @param content the message text
     * @param sentAt when the message was sent
     * @return the posted message
     * @throws IllegalArgumentException if the author is not a member of the guild
     */
    Message post(User author, String content, Instant sentAt);

    /**
     * Replies to a message as {@code author}, as the client's Reply does: a message of type 19 whose
     * {@code message_reference} names the other message, sent to the bot with that message as
     * {@code referenced_message}.
     *
     * @param author a member of the channel's guild
     * @param to a message of this channel, not deleted
     * @param content the message text
     * @return the reply
     * @throws IllegalArgumentException if the author is not a member or {@code to} is not a live message of this channel
     * @since 1.5
     */
    Message reply(User author, Message to, String content);

    /**
     * Posts a message with files as {@code author}, as dropping files into the client does: each file becomes an
     * attachment with a new id and a URL the local Discord serves, its content type guessed from its name.
     *
     * @param author a member of the channel's guild
     * @param content the message text, empty for files alone
     * @param files file name to content, in the order to attach them
     * @return the posted message
     * @throws IllegalArgumentException if the author is not a member of the guild
     * @since 1.5
     */
    Message post(User author, String content, Map<String, byte[]> files);

    /**
     * Creates a public thread under this channel and tells the bot with {@code THREAD_CREATE}.
     *
     * @param name the thread's name
     * @return the thread, usable like any text channel
     * @throws IllegalStateException if this channel is itself a thread
     */
    TextChannel createThread(String name);

    /**
     * Sets (replaces) the permission overwrite of a role in this channel and tells the bot with {@code CHANNEL_UPDATE}.
     *
     * @param role the role the overwrite applies to
     * @param allow permission bits explicitly allowed
     * @param deny permission bits explicitly denied
     */
    void setOverwrite(Role role, long allow, long deny);

    /**
     * Sets (replaces) the permission overwrite of a member in this channel and tells the bot with
     * {@code CHANNEL_UPDATE}.
     *
     * @param member a member of the guild
     * @param allow permission bits explicitly allowed
     * @param deny permission bits explicitly denied
     */
    void setOverwrite(User member, long allow, long deny);

    /**
     * The permissions the user has in this channel after roles, administrator and overwrites, as Discord computes
     * them.
     *
     * @param member a member of the guild
     * @return the effective permission bits
     */
    long permissionsOf(User member);

    /** Whether this thread was archived (by the bot's Modify Channel with {@code archived}). @since 1.4 */
    boolean archived();

    /** Whether this thread was locked (by the bot's Modify Channel with {@code locked}). @since 1.4 */
    boolean locked();
}
