package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.Jobs;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Scheduled jobs through the real service, the real poller and the real database: on time, replaced
 * by key, cancelled, retried, given up, and kept while their module is stopped. Times are asserted
 * as order (never before due; one run before another), never as durations.
 */
class JobsTest {
    private static final String KIND = JobRecorder.KIND;
    private static final long WAIT_SECONDS = 30;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    Jobs jobs;

    @InjectService(timeout = 20_000)
    JobRecorder recorder;

    @InjectService(timeout = 20_000)
    DataSource database;

    @InjectService(timeout = 20_000)
    ConfigurationAdmin configurationAdmin;

    private final List<Bundle> installed = new ArrayList<>();
    private final List<ServiceRegistration<JobHandler>> handlers = new ArrayList<>();

    @AfterEach
    void uninstall() throws Exception {
        for (ServiceRegistration<JobHandler> handler : handlers) {
            try {
                handler.unregister();
            } catch (IllegalStateException alreadyGoneWithItsBundle) {
                // nothing to do
            }
        }
        for (Bundle bundle : installed) {
            bundle.uninstall();
        }
    }

    @Test
    void aJobRunsOnceWhenDueWithItsDataAndIsGone() throws Exception {
        String key = unique("on-time");
        Instant due = Instant.now().plusMillis(300);
        jobs.schedule(KIND, key, due, Map.of("guild", "42"));
        assertThat(jobs.due(KIND, key)).hasValue(Instant.ofEpochMilli(due.toEpochMilli()));

        JobRecorder.Run run = nextRun(key);

        assertThat(run.at()).as("never early").isAfterOrEqualTo(Instant.ofEpochMilli(due.toEpochMilli()));
        assertThat(run.job()).isEqualTo(new Job(KIND, key, Map.of("guild", "42"),
                Instant.ofEpochMilli(due.toEpochMilli()), 1));
        awaitGone(key);
        assertThat(state(key)).as("a one-off job is deleted once it succeeded").isNull();
        assertNoMoreRuns(key);
    }

    @Test
    void schedulingTheSameKeyAgainReplacesTheJob() throws Exception {
        String key = unique("replaced");
        jobs.schedule(KIND, key, Instant.now().plusMillis(300), Map.of("version", "first"));
        Instant later = Instant.now().plusMillis(600);
        jobs.schedule(KIND, key, later, Map.of("version", "second"));
        assertThat(jobs.due(KIND, key)).hasValue(Instant.ofEpochMilli(later.toEpochMilli()));

        assertThat(nextRun(key).job().data()).containsEntry("version", "second");
        assertNoMoreRuns(key);
    }

    @Test
    void aCancelledJobNeverRuns() throws Exception {
        String key = unique("cancelled");
        jobs.schedule(KIND, key, Instant.now().plusMillis(300));
        assertThat(jobs.cancel(KIND, key)).isTrue();
        assertThat(jobs.cancel(KIND, key)).as("nothing left to cancel").isFalse();
        assertThat(jobs.due(KIND, key)).isEmpty();
        assertNoMoreRuns(key);
    }

    @Test
    void aFailingJobIsRetriedUntilItSucceeds() throws Exception {
        String key = unique("flaky");
        jobs.schedule(KIND, key, Instant.now(), Map.of("fail", "1"));

        JobRecorder.Run first = nextRun(key);
        JobRecorder.Run second = nextRun(key);

        assertThat(first.job().attempt()).isEqualTo(1);
        assertThat(second.job().attempt()).isEqualTo(2);
        assertThat(second.job().due()).as("a retry keeps the run's due time").isEqualTo(first.job().due());
        assertThat(second.at()).isAfter(first.at());
        awaitGone(key);
        assertThat(state(key)).isNull();
    }

    @Test
    void aJobThatFailsEveryAttemptIsGivenUpAndKeptWithItsError() throws Exception {
        String key = unique("broken");
        jobs.schedule(KIND, key, Instant.now(), Map.of("fail", "always"));

        List<Integer> attempts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            attempts.add(nextRun(key).job().attempt());
        }
        awaitGone(key);

        assertThat(attempts).as("@JobRetry(attempts = 3)").containsExactly(1, 2, 3);
        assertThat(state(key)).isEqualTo("FAILED 3 java.lang.IllegalStateException: attempt 3 of " + key
                + " fails on purpose");
        assertNoMoreRuns(key);
        jobs.schedule(KIND, key, Instant.now());
        assertThat(nextRun(key).job().attempt()).as("scheduling the key again starts afresh").isEqualTo(1);
    }

    @Test
    void aRepeatingJobRunsOnItsGridUntilCancelled() throws Exception {
        String key = unique("repeating");
        Instant first = Instant.ofEpochMilli(System.currentTimeMillis());
        jobs.repeat(KIND, key, first, Duration.ofSeconds(1), Map.of("panel", "5"));

        List<Instant> dues = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            dues.add(nextRun(key).job().due());
        }
        assertThat(jobs.cancel(KIND, key)).isTrue();

        assertThat(dues.get(0)).isEqualTo(first);
        for (int i = 1; i < dues.size(); i++) {
            long step = Duration.between(dues.get(i - 1), dues.get(i)).toMillis();
            assertThat(step).as("each run is a whole number of intervals after the one before").isPositive();
            assertThat(step % 1000).isZero();
        }
        // A run that had started when the job was cancelled may still report itself: let it, then look.
        awaitMarker();
        recorder.runs(key).clear();
        assertNoMoreRuns(key);
    }

    @Test
    void badKindsKeysAndPayloadsAreRefusedByName() {
        assertThatThrownBy(() -> jobs.schedule("Un Ban", "1", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("job kind \"Un Ban\" of module itest");
        assertThatThrownBy(() -> jobs.schedule(KIND, "", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be 1 to 200 characters");
        assertThatThrownBy(() -> jobs.schedule(KIND, "big", Instant.now(), Map.of("text", "x".repeat(5_000))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4000");
        assertThatThrownBy(() -> jobs.repeat(KIND, "fast", Instant.now(), Duration.ofMillis(10), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 s");
        assertThat(jobs.due(KIND, "big")).isEmpty();
        assertThatThrownBy(() -> jobs.forGuild(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive Discord id");
    }

    @Test
    void aGuildJobWaitsForADiscordConnectionAndThenRuns() throws Exception {
        String key = unique("guild");
        // This class runs without a Discord connection: no process has the guild's shard.
        jobs.forGuild(1_300_000_000_000_000_000L).schedule(KIND, key, Instant.now());
        assertThat(jobs.due(KIND, key)).as("the key is found through the plain view too").isPresent();
        assertNoMoreRuns(key);

        try (DiscordFixture discord = new DiscordFixture(configurationAdmin)) {
            // Without sharding configured, the connected process runs every guild's shard.
            assertThat(nextRun(key).job().key()).isEqualTo(key);
            awaitGone(key);
        }
    }

    @Test
    void aJobDueWhileItsModuleIsStoppedRunsWhenTheModuleIsBack() throws Exception {
        String module = "jobs" + UUID.randomUUID().toString().substring(0, 8);
        Bundle bundle = context.installBundle("itest:" + module, TestBundles.module("org.hotcog.itest." + module,
                "1.0.0", module));
        installed.add(bundle);
        bundle.start();
        BlockingQueue<Job> runs = new LinkedBlockingQueue<>();
        registerHandler(bundle, "expire", runs::add);
        Instant due = Instant.now().plusMillis(300);
        Jobs moduleJobs = jobsOf(bundle);
        moduleJobs.schedule("expire", "member:7", due);
        assertThat(jobs.due("expire", "member:7")).as("another module's job").isEmpty();

        bundle.stop();
        // Same kind, another module: must not pick the stopped module's job up.
        registerHandler(context.getBundle(), "expire", runs::add);
        awaitTime(due.plusSeconds(2));
        assertThat(runs).as("nothing ran while the module was stopped").isEmpty();
        assertThat(stateOf(module, "expire", "member:7")).startsWith("SCHEDULED 0");

        // The module comes back as a new version and registers its handler again.
        bundle.update(TestBundles.module("org.hotcog.itest." + module, "1.1.0", module));
        refresh(bundle);
        bundle.start();
        registerHandler(bundle, "expire", runs::add);

        Job ran = runs.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(ran).isNotNull();
        assertThat(ran.key()).isEqualTo("member:7");
        assertThat(ran.due()).isEqualTo(Instant.ofEpochMilli(due.toEpochMilli()));
        assertThat(runs.poll(2, TimeUnit.SECONDS)).as("once").isNull();
        assertThat(stateOf(module, "expire", "member:7")).isNull();
    }

    private JobRecorder.Run nextRun(String key) throws InterruptedException {
        JobRecorder.Run run = recorder.runs(key).poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(run).as("a run of " + key + " within " + WAIT_SECONDS + " s").isNotNull();
        return run;
    }

    /**
     * Schedules a marker job after the given key's last chance to run and waits for it: jobs are
     * claimed oldest first, so if the key were still going to run, it would have started by then.
     */
    private void assertNoMoreRuns(String key) throws InterruptedException {
        awaitMarker();
        assertThat(recorder.runs(key)).as("runs of " + key).isEmpty();
    }

    /** Schedules a job a second from now and waits for it to run. */
    private void awaitMarker() throws InterruptedException {
        String marker = unique("marker");
        jobs.schedule(KIND, marker, Instant.now().plusSeconds(1));
        nextRun(marker);
    }

    private void awaitGone(String key) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_SECONDS * 1000;
        while (jobs.due(KIND, key).isPresent() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jobs.due(KIND, key)).as(key + " is no longer due").isEmpty();
    }

    private static void awaitTime(Instant instant) throws InterruptedException {
        while (Instant.now().isBefore(instant)) {
            Thread.sleep(50);
        }
    }

    private String state(String key) throws SQLException {
        return stateOf("itest", KIND, key);
    }

    /** "STATE attempts last_error" of a stored job, or null if there is none. */
    private String stateOf(String module, String kind, String key) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT state, attempts, last_error FROM hotcog_job WHERE module = ? AND kind = ? AND job_key = ?")) {
            select.setString(1, module);
            select.setString(2, kind);
            select.setString(3, key);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3) : null;
            }
        }
    }

    /** Registers a handler on behalf of the bundle, as its component would; it leaves when the bundle stops. */
    private void registerHandler(Bundle bundle, String kind, JobHandler handler) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(JobHandler.KIND_PROPERTY, kind);
        handlers.add(bundle.getBundleContext().registerService(JobHandler.class, handler, properties));
    }

    /** The Jobs service as the bundle itself gets it: filing jobs under the bundle's module. */
    private static Jobs jobsOf(Bundle bundle) {
        BundleContext bundleContext = bundle.getBundleContext();
        ServiceReference<Jobs> ref = bundleContext.getServiceReference(Jobs.class);
        return bundleContext.getService(ref);
    }

    private void refresh(Bundle bundle) throws InterruptedException {
        var done = new java.util.concurrent.CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        done.await();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
