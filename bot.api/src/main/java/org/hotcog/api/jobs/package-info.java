/**
 * Durable scheduled jobs: work a module wants done later, kept in the database so that it still
 * happens after a restart, after the module is updated, and exactly once when several processes
 * share the database. Temporary bans lifted on time, tickets closed after a quiet day, status
 * panels refreshed every 30 seconds, quotas reset at midnight.
 *
 * <p>A module does two things. It schedules jobs through the {@link org.hotcog.api.jobs.Jobs}
 * service, each with a <em>kind</em> (what to do) and a <em>key</em> (which one: scheduling the same
 * key again replaces it). And it runs them with a {@link org.hotcog.api.jobs.JobHandler} component
 * that claims the kind with {@link org.hotcog.api.jobs.JobKind}.
 *
 * {@snippet :
 * // when the moderator bans for a day; run by the process that runs the guild's shard
 * jobs.forGuild(guildId).schedule("unban", guildId + ":" + userId, Instant.now().plus(Duration.ofDays(1)),
 *         Map.of("reason", "Temporary ban of 1 day expired"));
 *
 * @Component
 * @JobKind("unban")
 * public final class UnbanJob implements JobHandler {
 *     @Override
 *     public void run(Job job) {
 *         String[] ids = job.key().split(":");
 *         ... // lift the ban; throw to be retried later
 *     }
 * }
 * }
 *
 * <p>Jobs belong to the module that scheduled them and run only on that module's handler of the
 * same kind. While no such handler is registered (the module is stopped, being updated, or
 * not installed in this process), its jobs wait in the database, however late, and run as soon as
 * the handler is back.
 */
@Export
@Version("1.0.0")
package org.hotcog.api.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
