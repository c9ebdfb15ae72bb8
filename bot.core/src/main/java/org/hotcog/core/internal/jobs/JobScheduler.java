package org.hotcog.core.internal.jobs;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.core.internal.discord.DiscordGateway;
import org.hotcog.core.internal.registry.CommandRegistry;
import org.hotcog.core.internal.registry.InFlight;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the scheduled jobs of every module: the whiteboard of {@link JobHandler} services by module
 * and kind, one poller thread that claims due jobs from the database, and a fixed pool of worker
 * threads that run them.
 *
 * <p>The poller sleeps until the next job this process can run is due, or at most the poll
 * interval (for jobs other processes schedule, and for leases that ran out); a job scheduled here,
 * a handler coming back or a worker coming free wakes it early. It claims only as many jobs as
 * there are free workers, so nothing queues in memory, and only jobs of kinds whose handler is
 * here: a module that is stopped or missing leaves its jobs in the database for later. Jobs about
 * a guild are claimed only by the process that runs the guild's Discord shard, and wait while this
 * process has no Discord connection. While jobs
 * run, each poll renews their leases, so a long job is not taken over by another process; a
 * process that dies stops renewing, and its jobs become free when their leases run out.
 */
@Component(service = JobScheduler.class, immediate = true, configurationPid = JobsConfig.PID)
@Designate(ocd = JobsConfig.class)
public final class JobScheduler {
    static final long DRAIN_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final JobStore store;
    private final int threads;
    private final long pollMillis;
    private final long leaseMillis;
    private final Map<ModuleKind, Handler> handlers = new ConcurrentHashMap<>();
    /** Jobs handed to the workers and not finished yet. */
    private final AtomicInteger busy = new AtomicInteger();
    private final ExecutorService workers;
    private final Thread poller;
    private volatile boolean running = true;
    /** Null while there is no Discord connection: then guild jobs wait. */
    private volatile DiscordGateway gateway;

    private final Object wake = new Object();
    /** The earliest time someone asked the poller to look again since its last look; guarded by {@link #wake}. */
    private long wakeRequested = Long.MAX_VALUE;

    /**
     * A module's handler, taken from its bundle the first time a job of its kind runs rather than when it is bound.
     * Binding happens while this scheduler activates when the database comes late (PostgreSQL): a handler whose own
     * activation needs the {@code Jobs} service, which needs this scheduler, was then a cycle the framework refused,
     * and the handler stayed unbound until the next restart.
     */
    private static final class Handler {
        final ServiceReference<JobHandler> ref;
        final RetryPolicy retry;
        final InFlight inFlight = new InFlight();
        private final ComponentServiceObjects<JobHandler> service;
        /** Guarded by this. */
        private JobHandler instance;

        Handler(ServiceReference<JobHandler> ref, ComponentServiceObjects<JobHandler> service) {
            this.ref = ref;
            this.service = service;
            this.retry = RetryPolicy.of(ref);
        }

        synchronized JobHandler instance() {
            if (instance == null) {
                instance = service.getService();
                if (instance == null) {
                    throw new IllegalStateException("the job handler " + name(ref) + " could not be activated");
                }
            }
            return instance;
        }

        synchronized void release() {
            if (instance != null) {
                service.ungetService(instance);
                instance = null;
            }
        }
    }

    @Activate
    public JobScheduler(JobsConfig config, @Reference DataSource database) {
        String processId = UUID.randomUUID().toString();
        this.store = new JobStore(database, processId, Clock.systemUTC());
        this.threads = Math.max(1, config.threads());
        this.pollMillis = Math.max(1, config.pollSeconds()) * 1000L;
        this.leaseMillis = Math.max(config.leaseSeconds() * 1000L, 2 * pollMillis);
        AtomicInteger workerNumber = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads,
                r -> new Thread(r, "hotcog-job-" + workerNumber.incrementAndGet()));
        this.poller = new Thread(this::poll, "hotcog-jobs");
        poller.start();
        LOG.info("Scheduled jobs run here as process {}, {} at a time", processId, threads);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        wakeBy(0);
        poller.join();
        workers.shutdown();
        if (!workers.awaitTermination(DRAIN_MILLIS, TimeUnit.MILLISECONDS)) {
            LOG.warn("Scheduled jobs still running after {} s are interrupted; they run again later",
                    DRAIN_MILLIS / 1000);
            workers.shutdownNow();
        }
        try {
            store.releaseLeases();
        } catch (SQLException e) {
            LOG.warn("Could not free the jobs this process held; they are free again when their leases run out: {}",
                    e.getMessage());
        }
    }

    JobStore store() {
        return store;
    }

    /** Makes the poller look again no later than {@code millis} (epoch): a job is due then. */
    void wakeBy(long millis) {
        synchronized (wake) {
            if (millis < wakeRequested) {
                wakeRequested = millis;
                wake.notifyAll();
            }
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindGateway(DiscordGateway connected) {
        gateway = connected;
        wakeBy(0);
    }

    void unbindGateway(DiscordGateway leaving) {
        if (gateway == leaving) {
            gateway = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindHandler(ComponentServiceObjects<JobHandler> service, ServiceReference<JobHandler> ref) {
        String module = CommandRegistry.moduleOf(ref);
        Object kind = ref.getProperty(JobHandler.KIND_PROPERTY);
        if (!(kind instanceof String k) || !JobsImpl.KIND.matcher(k).matches()) {
            LOG.error("Job handler {} of module {} has no valid @JobKind (1 to 64 characters: lower-case letters, "
                    + "digits, '.', '-' or '_'); ignored", name(ref), module);
            return;
        }
        ModuleKind type = new ModuleKind(module, k);
        Handler existing = handlers.putIfAbsent(type, new Handler(ref, service));
        if (existing != null) {
            LOG.error("Job handler {} of module {} claims kind \"{}\", which {} already runs; ignored", name(ref),
                    module, k, name(existing.ref));
            return;
        }
        wakeBy(0);
    }

    /** Waits (up to {@link #DRAIN_MILLIS}) for the handler's running jobs, so its bundle stops cleanly. */
    void unbindHandler(ServiceReference<JobHandler> ref) {
        for (Map.Entry<ModuleKind, Handler> entry : handlers.entrySet()) {
            Handler leaving = entry.getValue();
            if (leaving.ref.equals(ref) && handlers.remove(entry.getKey(), leaving)) {
                try {
                    if (!leaving.inFlight.awaitIdle(DRAIN_MILLIS)) {
                        LOG.warn("Job handler for {} left with {} jobs still running", entry.getKey(),
                                leaving.inFlight.running());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    leaving.release();
                }
            }
        }
    }

    /** A handler's component name, for messages: its class may not be loaded yet. */
    private static String name(ServiceReference<JobHandler> ref) {
        return String.valueOf(ref.getProperty(ComponentConstants.COMPONENT_NAME));
    }

    private void poll() {
        while (running) {
            synchronized (wake) {
                wakeRequested = Long.MAX_VALUE;
            }
            long next;
            try {
                next = claimAndStart();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Scheduled jobs: the database did not answer ({}); trying again in {} s", e.getMessage(),
                        pollMillis / 1000);
                next = store.now() + pollMillis;
            }
            sleepUntil(next);
        }
    }

    /** One look at the database: renew leases, claim what is due, start it. Returns when to look next. */
    private long claimAndStart() throws SQLException {
        long now = store.now();
        if (busy.get() > 0) {
            store.renewLeases(leaseMillis);
        }
        Set<ModuleKind> types = Set.copyOf(handlers.keySet());
        DiscordGateway discord = gateway;
        LocalShards shards = discord == null ? LocalShards.NONE : LocalShards.of(discord);
        int free = threads - busy.get();
        List<StoredJob> claimed = store.claim(types, shards, free, leaseMillis);
        claimed.forEach(this::start);
        if (free == 0) {
            return now + pollMillis; // a worker coming free wakes the poller
        }
        if (claimed.size() == free) {
            return now; // more may be due
        }
        OptionalLong due = store.nextDue(types, shards);
        return Math.min(now + pollMillis, due.orElse(Long.MAX_VALUE));
    }

    private void sleepUntil(long millis) {
        synchronized (wake) {
            long left;
            while (running && (left = Math.min(millis, wakeRequested) - store.now()) > 0) {
                try {
                    wake.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void start(StoredJob job) {
        Handler handler = handlers.get(job.type());
        if (handler != null) {
            handler.inFlight.enter();
            // Its bundle may have begun to stop after the lookup: then the stop is not waiting for this job.
            if (handlers.get(job.type()) != handler) {
                handler.inFlight.exit();
                handler = null;
            }
        }
        if (handler == null) {
            unclaim(job);
            return;
        }
        busy.incrementAndGet();
        Handler runner = handler;
        try {
            workers.execute(() -> run(job, runner));
        } catch (RejectedExecutionException e) {
            finished(runner);
            unclaim(job);
        }
    }

    private void run(StoredJob stored, Handler handler) {
        Throwable failure = null;
        try {
            handler.instance().run(new Job(stored.type().kind(), stored.key(), JobsImpl.decode(stored.payload()),
                    Instant.ofEpochMilli(stored.dueAt()), stored.attempts() + 1));
        } catch (Throwable t) {
            failure = t;
        }
        try {
            if (failure == null) {
                store.succeeded(stored);
            } else {
                failed(stored, handler.retry, failure);
            }
        } catch (SQLException e) {
            LOG.warn("Job {} \"{}\" ran, but its outcome could not be stored ({}); it runs again when its lease runs out",
                    stored.type(), stored.key(), e.getMessage());
        } finally {
            finished(handler);
        }
        if (failure instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }

    private void failed(StoredJob job, RetryPolicy retry, Throwable cause) throws SQLException {
        int failures = job.attempts() + 1;
        long now = store.now();
        String error = truncate(cause.toString(), 1000);
        long retryAt = now + retry.delayAfter(failures);
        if (retry.retries(failures) && !(job.repeating() && retryAt >= job.nextOnGrid(now))) {
            store.release(job, job.dueAt(), retryAt, failures, JobStore.SCHEDULED, error);
            LOG.warn("Job {} \"{}\" failed (attempt {} of {}), tried again at {}: {}", job.type(), job.key(), failures,
                    retry.attempts(), Instant.ofEpochMilli(retryAt), error);
        } else if (job.repeating()) {
            long next = job.nextOnGrid(now);
            store.release(job, next, next, 0, JobStore.SCHEDULED, error);
            LOG.warn("Job {} \"{}\" failed (attempt {}); it runs again at its next time, {}: {}", job.type(), job.key(),
                    failures, Instant.ofEpochMilli(next), error);
        } else {
            store.release(job, job.dueAt(), now, failures, JobStore.FAILED, error);
            LOG.error("Job {} \"{}\" failed its last attempt ({} of {}) and is given up; it stays in hotcog_job "
                    + "with its error", job.type(), job.key(), failures, retry.attempts(), cause);
        }
    }

    private void finished(Handler handler) {
        handler.inFlight.exit();
        busy.decrementAndGet();
        wakeBy(0);
    }

    private void unclaim(StoredJob job) {
        try {
            store.unclaim(job);
        } catch (SQLException e) {
            LOG.warn("Could not give back job {} \"{}\"; it is free again when its lease runs out: {}", job.type(),
                    job.key(), e.getMessage());
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
