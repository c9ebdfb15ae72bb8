package org.hotcog.core.internal.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The claim SQL against a real H2 database with the core's own migration: several stores with
 * their own process ids stand for several processes sharing the database.
 */
class JobStoreTest {
    private static final ModuleKind UNBAN = new ModuleKind("moderation", "unban");
    private static final ModuleKind CLOSE = new ModuleKind("tickets", "auto-close");
    private static final long LEASE = 60_000;

    private JdbcDataSource database;
    private Connection keepAlive;

    @BeforeEach
    void setUp() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:jobs-" + UUID.randomUUID());
        database.setUser("sa");
        keepAlive = database.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/db/migration/V4__jobs.sql'");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        keepAlive.close();
    }

    @Test
    void claimsOnlyDueJobsOfTheKindsItRuns() throws SQLException {
        JobStore store = process(Clock.systemUTC());
        long now = store.now();
        store.schedule(UNBAN, "1:10", 0, "{}", now - 1_000, 0);
        store.schedule(UNBAN, "1:11", 0, "{}", now + 3_600_000, 0);
        store.schedule(CLOSE, "77", 0, "{}", now - 1_000, 0);

        List<StoredJob> claimed = store.claim(Set.of(UNBAN), LocalShards.NONE, 10, LEASE);

        assertThat(claimed).extracting(StoredJob::key).containsExactly("1:10");
        assertThat(store.claim(Set.of(UNBAN), LocalShards.NONE, 10, LEASE)).as("already leased").isEmpty();
        assertThat(store.nextDue(Set.of(UNBAN), LocalShards.NONE)).hasValue(now + 3_600_000);
        assertThat(store.nextDue(Set.of(CLOSE), LocalShards.NONE)).hasValue(now - 1_000);
    }

    @Test
    void schedulingAKeyAgainReplacesItEvenWhileItRuns() throws SQLException {
        JobStore store = process(Clock.systemUTC());
        long now = store.now();
        store.schedule(CLOSE, "77", 0, "{\"n\":\"1\"}", now - 1_000, 0);
        StoredJob running = store.claim(Set.of(CLOSE), LocalShards.NONE, 1, LEASE).get(0);

        store.schedule(CLOSE, "77", 0, "{\"n\":\"2\"}", now + 60_000, 0);
        store.succeeded(running);

        assertThat(store.nextTry(CLOSE, "77")).as("the new schedule outlives the old run").hasValue(now + 60_000);
        assertThat(count()).isEqualTo(1);
        assertThat(store.cancel(CLOSE, "77")).isTrue();
        assertThat(store.cancel(CLOSE, "77")).isFalse();
        assertThat(store.nextTry(CLOSE, "77")).isEmpty();
    }

    @Test
    void twoProcessesNeverClaimTheSameJob() throws Exception {
        JobStore first = process(Clock.systemUTC());
        JobStore second = process(Clock.systemUTC());
        long now = first.now();
        int jobs = 300;
        for (int i = 0; i < jobs; i++) {
            first.schedule(UNBAN, "key-" + i, 0, "{}", now - i, 0);
        }
        List<Long> claimedIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService claimers = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                JobStore store = t % 2 == 0 ? first : second;
                done.add(claimers.submit(() -> {
                    List<StoredJob> batch;
                    do {
                        batch = store.claim(Set.of(UNBAN), LocalShards.NONE, 7, LEASE);
                        batch.forEach(job -> claimedIds.add(job.id()));
                    } while (!batch.isEmpty());
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            claimers.shutdownNow();
        }
        assertThat(claimedIds).hasSize(jobs).doesNotHaveDuplicates();
    }

    @Test
    void aJobWhoseLeaseRanOutGoesToAnotherProcessAndTheFirstCannotFinishIt() throws SQLException {
        JobStore dying = process(Clock.systemUTC());
        JobStore later = process(Clock.offset(Clock.systemUTC(), Duration.ofMillis(2 * LEASE)));
        dying.schedule(UNBAN, "1:10", 0, "{}", dying.now() - 1_000, 0);
        StoredJob lost = dying.claim(Set.of(UNBAN), LocalShards.NONE, 1, LEASE).get(0);
        assertThat(process(Clock.systemUTC()).claim(Set.of(UNBAN), LocalShards.NONE, 1, LEASE)).as("leased").isEmpty();

        StoredJob taken = later.claim(Set.of(UNBAN), LocalShards.NONE, 1, LEASE).get(0);
        dying.succeeded(lost);

        assertThat(taken.id()).isEqualTo(lost.id());
        assertThat(count()).as("the late finish of the first process deleted nothing").isEqualTo(1);
        later.succeeded(taken);
        assertThat(count()).isZero();
    }

    @Test
    void renewedLeasesStayWithTheirProcess() throws SQLException {
        Clock clock = Clock.systemUTC();
        JobStore runner = process(clock);
        JobStore other = process(Clock.offset(clock, Duration.ofMillis(LEASE / 2 + 1_000)));
        runner.schedule(UNBAN, "1:10", 0, "{}", runner.now() - 1_000, 0);
        runner.claim(Set.of(UNBAN), LocalShards.NONE, 1, LEASE / 2);

        runner.renewLeases(LEASE);

        assertThat(other.claim(Set.of(UNBAN), LocalShards.NONE, 1, LEASE)).isEmpty();
        runner.releaseLeases();
        assertThat(other.claim(Set.of(UNBAN), LocalShards.NONE, 1, LEASE)).hasSize(1);
    }

    @Test
    void aRepeatingJobMovesAlongItsGrid() throws SQLException {
        JobStore store = process(Clock.systemUTC());
        long now = store.now();
        long interval = 30_000;
        // Due 95 s ago: the runs at -65 s, -35 s and -5 s were missed; the next is 25 s from now.
        store.schedule(new ModuleKind("pterodactyl", "refresh"), "panel:5", 0, "{}", now - 95_000, interval);
        StoredJob run = store.claim(Set.of(new ModuleKind("pterodactyl", "refresh")), LocalShards.NONE, 1, LEASE).get(0);

        store.succeeded(run);

        long next = store.nextTry(new ModuleKind("pterodactyl", "refresh"), "panel:5").orElseThrow();
        assertThat(next).isEqualTo(now - 95_000 + 4 * interval);
    }

    @Test
    void guildJobsGoOnlyToTheProcessRunningTheGuildsShard() throws SQLException {
        // Two processes sharing the database, running shards {0, 1} and {2} of 3.
        JobStore first = process(Clock.systemUTC());
        JobStore second = process(Clock.systemUTC());
        LocalShards firstShards = new LocalShards(3, new int[] {0, 1});
        LocalShards secondShards = new LocalShards(3, new int[] {2});
        long now = first.now();
        long guildOnShard1 = guildOnShard(1, 3);
        long guildOnShard2 = guildOnShard(2, 3);
        first.schedule(UNBAN, guildOnShard1 + ":10", guildOnShard1, "{}", now - 3_000, 0);
        first.schedule(UNBAN, guildOnShard2 + ":10", guildOnShard2, "{}", now - 2_000, 0);
        first.schedule(UNBAN, "no guild", 0, "{}", now - 1_000, 0);

        assertThat(second.nextDue(Set.of(UNBAN), secondShards)).as("its own guild's job, not the older one")
                .hasValue(now - 2_000);
        assertThat(second.claim(Set.of(UNBAN), secondShards, 1, LEASE)).extracting(StoredJob::key)
                .containsExactly(guildOnShard2 + ":10");
        assertThat(first.claim(Set.of(UNBAN), firstShards, 10, LEASE)).extracting(StoredJob::key)
                .containsExactly(guildOnShard1 + ":10", "no guild");
    }

    @Test
    void withoutADiscordConnectionGuildJobsWait() throws SQLException {
        JobStore store = process(Clock.systemUTC());
        long now = store.now();
        long guild = guildOnShard(0, 1);
        store.schedule(UNBAN, guild + ":10", guild, "{}", now - 1_000, 0);

        assertThat(store.claim(Set.of(UNBAN), LocalShards.NONE, 10, LEASE)).isEmpty();
        assertThat(store.nextDue(Set.of(UNBAN), LocalShards.NONE)).isEmpty();
        assertThat(store.claim(Set.of(UNBAN), new LocalShards(1, new int[] {0}), 10, LEASE)).hasSize(1);
    }

    /** A realistic guild id (a snowflake of today) whose shard, by Discord's rule, is {@code shard} of {@code total}. */
    private static long guildOnShard(int shard, int total) {
        long id = 1_300_000_000_000_000_000L;
        while ((id >> 22) % total != shard) {
            id += 1L << 22;
        }
        return id;
    }

    private JobStore process(Clock clock) {
        return new JobStore(database, UUID.randomUUID().toString(), clock);
    }

    private int count() throws SQLException {
        try (Statement s = keepAlive.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM hotcog_job")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
