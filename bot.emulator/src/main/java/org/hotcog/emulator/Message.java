package org.hotcog.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A message of the local Discord: one a user posted, or one the bot sent (channel message, interaction response or
 * follow-up). The handle is live: its getters show the message's current state after later edits.
 */
public interface Message {

    /** Discord's EPHEMERAL message flag: only the invoking user sees the message. */
    int EPHEMERAL = 1 << 6;

    /** Discord's LOADING message flag: a deferred interaction response still "thinking". */
    int LOADING = 1 << 7;

    /** The message's snowflake id. */
    long id();

    /** The id of the channel the message is in. */
    long channelId();

    /** The message's author (the bot for interaction responses). */
    User author();

    /** The text content; empty when there is none. */
    String content();

    /** The embeds as Discord JSON objects (title, description, fields, ...). */
    List<Map<String, Object>> embeds();

    /** The top-level components as Discord JSON objects (action rows, containers, ...). */
    List<Map<String, Object>> components();

    /** The custom ids of every interactive component in the message, in order, nested ones included. */
    List<String> customIds();

    /** The files attached to the message. */
    List<Attachment> attachments();

    /** Discord's message flag bits. */
    int flags();

    /** Whether only the invoking user sees the message. */
    default boolean ephemeral() {
        return (flags() & EPHEMERAL) != 0;
    }

    /** Whether this is a deferred response that the bot has not filled in yet. */
    default boolean loading() {
        return (flags() & LOADING) != 0;
    }

    /** Whether the message is pinned in its channel. */
    boolean pinned();

    /** Pins the message, as a member with Manage Messages would; the bot sees it as {@code pinned} when it reads it. */
    void pin();

    /** How many times the message has been edited since it was created. */
    int editCount();

    /**
     * The {@code allowed_mentions} the bot sent with the message (such as {@code {"parse": [], "users": ["42"]}}),
     * which limit whom its mentions ping; empty when it sent none (then every mention pings).
     *
     * @since 1.3
     */
    Optional<Map<String, Object>> allowedMentions();

    /** Whether the message has been deleted. */
    boolean deleted();

    /**
     * Its author changes its text, as a member editing a message would; the bot receives {@code MESSAGE_UPDATE}.
     *
     * @throws IllegalStateException if a bot wrote it (the bot edits its own messages through the REST API)
     * @since 1.4
     */
    void editByAuthor(String newContent);

    /**
     * Its author (or a moderator) deletes it; the bot receives {@code MESSAGE_DELETE}.
     *
     * @since 1.4
     */
    void deleteByUser();
}
