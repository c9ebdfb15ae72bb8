package org.hotcog.api.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Schedules the jobs of the module that got this service: each bundle receives its own
 * {@code Jobs}, which files every job under the bundle's module name ({@code Hotcog-Module}
 * header). A job is identified by its kind and key; scheduling a kind and key that already exists
 * replaces it (its time, payload and attempts), so re-arming a timer is one call.
 *
 * {@snippet :
 * // each new message in a ticket pushes its auto-close back by a day
 * jobs.schedule("auto-close", String.valueOf(ticketId), Instant.now().plus(Duration.ofDays(1)));
 * // when the ticket closes by hand
 * jobs.cancel("auto-close", String.valueOf(ticketId));
 * // a status panel refreshed every 30 s until it is removed
 * jobs.repeat("refresh", "panel:" + messageId, Instant.now(), Duration.ofSeconds(30), Map.of());
 * }
 *
 * <p>Jobs are stored in the database before the call returns and are run on the module's
 * {@link JobHandler} of their kind, in this process or in another one sharing the database, once
 * each. A job scheduled by this process in the near future runs on time (to a few milliseconds);
 * one scheduled by another process may start up to a few seconds late.
 *
 * <p>A job about a guild (lifting a ban, closing a ticket) is scheduled through
 * {@link #forGuild}: it then runs only in the process that runs the guild's Discord shard, the one
 * that has the guild in its cache.
 *
 * <p>Every method throws {@link IllegalArgumentException} for a bad kind, key or payload, and
 * {@link IllegalStateException} when the database cannot be reached; nothing is changed then.
 */
@ProviderType
public interface Jobs {
    /** Longest key accepted. */
    int MAX_KEY_LENGTH = 200;

    /**
     * Longest payload accepted, in characters of its stored form (a JSON object: the keys and
     * values plus about 6 characters a pair).
     */
    int MAX_DATA_LENGTH = 4000;

    /**
     * Runs the job once at {@code at} (at once if it is in the past), replacing any job of the
     * same kind and key.
     *
     * @param kind 1 to 64 characters: lower-case letters, digits, {@code .}, {@code -}, {@code _}
     * @param key 1 to {@value #MAX_KEY_LENGTH} characters, for example {@code "<guild>:<user>"}
     * @param data handed to the handler as {@link Job#data()}; at most {@value #MAX_DATA_LENGTH}
     *     characters stored: ids and short texts, not documents
     */
    void schedule(String kind, String key, Instant at, Map<String, String> data);

    /** {@link #schedule(String, String, Instant, Map)} with no payload. */
    default void schedule(String kind, String key, Instant at) {
        schedule(kind, key, at, Map.of());
    }

    /**
     * Runs the job first at {@code first}, then every {@code interval} after that, until it is
     * cancelled; replaces any job of the same kind and key. Times are kept on a fixed grid: a run
     * due at midnight with an interval of a day stays at midnight. Runs missed while the module was
     * stopped are not caught up: the job runs once, then at its next time on the grid.
     *
     * @param interval at least one second
     */
    void repeat(String kind, String key, Instant first, Duration interval, Map<String, String> data);

    /**
     * The same module's jobs, scheduled as jobs about {@code guildId}: when several processes share
     * the database, each running some of the bot's Discord shards, such a job runs only in the
     * process that runs the guild's shard, and waits while no process does (none is connected to
     * Discord). The guild is where the job runs, not part of its name: a kind and key is one job
     * whichever view scheduled it, so {@link #cancel} and {@link #due} work on either, and
     * scheduling a key again through this view moves the job to this guild.
     *
     * {@snippet :
     * jobs.forGuild(guildId).schedule("unban", guildId + ":" + userId, until);
     * }
     *
     * @throws IllegalArgumentException if {@code guildId} is not a positive Discord id
     */
    Jobs forGuild(long guildId);

    /** Removes the job of this kind and key; false if there was none. A run already started ends. */
    boolean cancel(String kind, String key);

    /**
     * When the job of this kind and key runs next; empty if there is none (it never existed, ran,
     * was cancelled, or was given up after its last attempt).
     */
    Optional<Instant> due(String kind, String key);
}
