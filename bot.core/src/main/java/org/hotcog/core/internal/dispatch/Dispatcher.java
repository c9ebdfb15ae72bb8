package org.hotcog.core.internal.dispatch;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.hotcog.api.command.MessageCommand;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.UserCommand;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.ModalHandler;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.core.internal.registry.CommandRegistry;
import org.hotcog.core.internal.registry.RegistryListener;
import org.hotcog.core.internal.registry.Route;
import org.hotcog.core.internal.secrets.Redactor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.UserContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.GenericComponentInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;

/**
 * Routes each interaction to exactly one handler and makes sure the user always gets an answer.
 *
 * <p>JDA calls {@link #onEvent} on its gateway thread; the dispatcher only looks the handler up and
 * hands the work to the handler's module executor, so a slow or stuck module cannot stall the
 * gateway or other modules. On top of the handler it: defers when the handler is slow (Discord
 * wants a first answer within 3 s), applies declared cooldowns, turns a {@link Refusal} into an
 * ephemeral message and any other exception or a time-out into a short ephemeral error with a
 * correlation id, records every interaction in the command log, and holds interactions for a module
 * that is being replaced until its new version registers (or a wait runs out).
 *
 * <p>The hand-off schedules no timer per interaction: one sweep of the running interactions every
 * {@value #SWEEP_MILLIS} ms keeps their deadlines (the deferral, the time-out), so that handing an
 * interaction over takes no lock of the timer's queue and never wakes the timer's thread.
 */
@Component(service = Dispatcher.class, configurationPid = DispatchConfig.PID)
@Designate(ocd = DispatchConfig.class)
public final class Dispatcher implements EventListener, RegistryListener {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** How often the deadlines of running interactions are checked: how late a deferral or time-out may come. */
    static final long SWEEP_MILLIS = 100;

    private final CommandRegistry registry;
    private final Redactor redactor;
    private final CommandLog commandLog;
    private final GatewayListeners gatewayListeners;
    private final DispatchConfig config;
    private final Map<String, ThreadPoolExecutor> moduleExecutors = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private final Cooldowns cooldowns = new Cooldowns();
    /** Interactions waiting for a module that is being replaced. */
    private final List<Parked> parked = new ArrayList<>();
    /** Interactions handed to a module's executor whose handler has not ended or timed out yet. */
    private final Set<Running> running = ConcurrentHashMap.newKeySet();

    private record Parked(Invocation invocation, String module, ScheduledFuture<?> expiry) {
    }

    /** An interaction from its hand-off to a module until its handler ends or times out. */
    private static final class Running {
        static final long QUEUED = Long.MIN_VALUE;
        final Route route;
        final Invocation invocation;
        /** Whether the dispatcher still defers for a slow handler (not when it deferred already, while parked). */
        final boolean deferWhenSlow;
        /** When the handler started (nanoTime), or {@link #QUEUED} while it waits in the executor's queue. */
        volatile long startedNanos = QUEUED;
        /** Whether the sweep has deferred for the handler; read and written by the sweep only. */
        boolean deferralDone;
        /** Set by whichever of the handler's end and the time-out comes first, which then records the outcome. */
        private final AtomicBoolean settled = new AtomicBoolean();

        Running(Route route, Invocation invocation, boolean deferWhenSlow) {
            this.route = route;
            this.invocation = invocation;
            this.deferWhenSlow = deferWhenSlow;
        }

        boolean settle() {
            return settled.compareAndSet(false, true);
        }
    }

    @Activate
    public Dispatcher(@Reference CommandRegistry registry, @Reference CommandLog commandLog,
            @Reference GatewayListeners gatewayListeners, @Reference Redactor redactor, DispatchConfig config) {
        this.redactor = redactor;
        this.registry = registry;
        this.commandLog = commandLog;
        this.gatewayListeners = gatewayListeners;
        this.config = config;
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Threads.named("hotcog-dispatch-timer"));
        scheduler.setRemoveOnCancelPolicy(true);
        this.timer = scheduler;
        timer.scheduleWithFixedDelay(cooldowns::purge, 1, 1, TimeUnit.MINUTES);
        timer.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        registry.addListener(this);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        registry.removeListener(this);
        synchronized (parked) {
            for (Parked p : parked) {
                p.expiry().cancel(false);
                p.invocation().reply().finish("Hotcog is restarting; please try again in a moment.");
            }
            parked.clear();
        }
        moduleExecutors.values().forEach(ThreadPoolExecutor::shutdown);
        for (ThreadPoolExecutor executor : moduleExecutors.values()) {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        timer.shutdownNow();
    }

    @Override
    public void onEvent(GenericEvent event) {
        if (!(event instanceof GenericInteractionCreateEvent interaction)) {
            gatewayListeners.deliver(event);
            return;
        }
        long received = System.nanoTime();
        String correlationId = Long.toString(interaction.getIdLong(), 36);
        if (interaction instanceof CommandAutoCompleteInteractionEvent autocomplete) {
            autocomplete(autocomplete);
        } else if (interaction instanceof SlashCommandInteractionEvent slash) {
            route(invocation(Route.Kind.SLASH, slash.getName(), "/" + slash.getFullCommandName(), slash,
                    correlationId, received));
        } else if (interaction instanceof UserContextInteractionEvent user) {
            route(invocation(Route.Kind.USER, user.getName(), "user command " + user.getName(), user, correlationId,
                    received));
        } else if (interaction instanceof MessageContextInteractionEvent message) {
            route(invocation(Route.Kind.MESSAGE, message.getName(), "message command " + message.getName(), message,
                    correlationId, received));
        } else if (interaction instanceof GenericComponentInteractionCreateEvent component) {
            route(invocation(Route.Kind.COMPONENT, component.getComponentId(), "component " + component.getComponentId(),
                    component, correlationId, received));
        } else if (interaction instanceof ModalInteractionEvent modal) {
            route(invocation(Route.Kind.MODAL, modal.getModalId(), "modal " + modal.getModalId(), modal,
                    correlationId, received));
        }
    }

    private static Invocation invocation(Route.Kind kind, String key, String label, GenericInteractionCreateEvent event,
            String correlationId, long received) {
        IReplyCallback callback = (IReplyCallback) event;
        HandOffEvent handOff = new HandOffEvent();
        handOff.begin();
        return new Invocation(kind, key, label, event, callback, new ReplyState(callback, correlationId),
                correlationId, received, handOff);
    }

    private Optional<Route> lookup(Route.Kind kind, String key) {
        return kind == Route.Kind.COMPONENT || kind == Route.Kind.MODAL ? registry.byCustomId(kind, key)
                : registry.command(kind, key);
    }

    private void route(Invocation invocation) {
        Optional<Route> route = lookup(invocation.kind(), invocation.key());
        if (route.isPresent()) {
            submit(route.get(), invocation, true);
            return;
        }
        Optional<String> formerOwner = registry.formerOwner(invocation.kind(), invocation.key());
        if (formerOwner.isPresent()) {
            park(invocation, formerOwner.get());
            return;
        }
        // The module may have come back between the two looks: its new route replaces the owner.
        route = lookup(invocation.kind(), invocation.key());
        if (route.isPresent()) {
            submit(route.get(), invocation, true);
        } else {
            invocation.reply().finish("This is not available any more.");
            record(invocation, "unknown", Outcome.UNAVAILABLE, null);
        }
    }

    /** Holds an interaction for a module being replaced: deferred now, run when the module is back. */
    private void park(Invocation invocation, String module) {
        invocation.reply().deferForHandler(invocation.componentOrNull());
        synchronized (parked) {
            // The module may have come back between the lookup and now.
            Optional<Route> arrived = lookup(invocation.kind(), invocation.key());
            if (arrived.isPresent()) {
                submit(arrived.get(), invocation, false);
                return;
            }
            ScheduledFuture<?> expiry = timer.schedule(() -> expire(invocation, module),
                    config.moduleWaitSeconds(), TimeUnit.SECONDS);
            parked.add(new Parked(invocation, module, expiry));
        }
    }

    private void expire(Invocation invocation, String module) {
        synchronized (parked) {
            if (!parked.removeIf(p -> p.invocation() == invocation)) {
                return;
            }
        }
        invocation.reply().finish("The " + module + " module is unavailable right now. Please try again later.");
        record(invocation, module, Outcome.UNAVAILABLE, null);
    }

    @Override
    public void routeAdded(Route route) {
        List<Invocation> resumed = new ArrayList<>();
        synchronized (parked) {
            for (Iterator<Parked> it = parked.iterator(); it.hasNext();) {
                Parked p = it.next();
                Invocation invocation = p.invocation();
                boolean matches = invocation.kind() == route.kind() && (route.kind() == Route.Kind.COMPONENT
                        || route.kind() == Route.Kind.MODAL ? invocation.key().startsWith(route.key())
                                : invocation.key().equals(route.key()));
                if (matches) {
                    p.expiry().cancel(false);
                    it.remove();
                    resumed.add(invocation);
                }
            }
        }
        resumed.forEach(invocation -> submit(route, invocation, false));
    }

    private void submit(Route route, Invocation invocation, boolean deferWhenSlow) {
        route.inFlight().enter();
        Running run = new Running(route, invocation, deferWhenSlow);
        running.add(run);
        try {
            executor(route.module()).execute(() -> execute(run));
        } catch (RejectedExecutionException e) {
            running.remove(run);
            route.inFlight().exit();
            invocation.reply().finish("The " + route.module() + " module is busy. Please try again in a moment.");
            record(invocation, route.module(), Outcome.BUSY, null);
        }
    }

    /**
     * Keeps the deadlines of the running interactions: defers for a handler that has not answered
     * within {@link DispatchConfig#deferAfterMillis()} of the interaction's arrival (queued or
     * running), and ends one whose handler has run longer than the time-out.
     */
    private void sweep() {
        long now = System.nanoTime();
        long deferAfter = TimeUnit.MILLISECONDS.toNanos(config.deferAfterMillis());
        long timeout = TimeUnit.SECONDS.toNanos(config.handlerTimeoutSeconds());
        for (Running run : running) {
            try {
                keepDeadlines(run, now, deferAfter, timeout);
            } catch (RuntimeException e) { // must not end the sweep, which the timer would not run again
                LOG.warn("[{}] could not keep the deadlines of {}: {}", run.invocation.correlationId(),
                        run.invocation.label(), e.toString());
            }
        }
    }

    private void keepDeadlines(Running run, long now, long deferAfter, long timeout) {
        Invocation invocation = run.invocation;
        if (run.deferWhenSlow && !run.deferralDone && now - invocation.receivedNanos() >= deferAfter) {
            run.deferralDone = true;
            invocation.reply().deferForHandler(invocation.componentOrNull());
        }
        long started = run.startedNanos;
        if (started != Running.QUEUED && now - started >= timeout && run.settle()) {
            running.remove(run);
            invocation.reply().finish("This took too long and was stopped. (ref " + invocation.correlationId() + ")");
            LOG.warn("[{}] {} of module {} did not finish within {} s", invocation.correlationId(),
                    invocation.label(), run.route.module(), config.handlerTimeoutSeconds());
            record(invocation, run.route.module(), Outcome.TIMEOUT, null);
        }
    }

    private void execute(Running run) {
        Route route = run.route;
        Invocation invocation = run.invocation;
        recordHandOff(route, invocation);
        run.startedNanos = System.nanoTime();
        Outcome outcome = Outcome.OK;
        String error = null;
        try {
            long wait = cooldowns.tryStart(route, invocation);
            if (wait > 0) {
                outcome = Outcome.COOLDOWN;
                invocation.reply().finish("Slow down! You can use this again in " + humanSeconds(wait) + ".");
                return;
            }
            invoke(route, invocation);
            if (!invocation.reply().isAcknowledged()) {
                // Discord shows "This interaction failed" unless something answers.
                if (invocation.componentOrNull() != null) {
                    invocation.reply().deferForHandler(invocation.componentOrNull());
                } else {
                    invocation.reply().finish("Done.");
                }
            }
        } catch (Refusal refusal) {
            outcome = Outcome.REFUSED;
            invocation.reply().finish(refusal.getMessage());
        } catch (Throwable failure) { // a handler's bug must never reach Discord or kill the thread
            outcome = Outcome.FAILED;
            error = redactor.redact(failure.toString());
            // the trace as text, so that a secret in a message of it is masked as in the command log
            LOG.error("[{}] {} of module {} failed: {}", invocation.correlationId(), invocation.label(),
                    route.module(), redactor.redact(traceOf(failure)));
            invocation.reply().finish("Something went wrong. (ref " + invocation.correlationId() + ")");
        } finally {
            running.remove(run);
            if (outcome != Outcome.OK && outcome != Outcome.COOLDOWN) {
                cooldowns.cancel(route, invocation);
            }
            route.inFlight().exit();
            if (run.settle()) {
                record(invocation, route.module(), outcome, error);
            }
        }
    }

    /** A failure's stack trace, causes included, as the log would print it. */
    private static String traceOf(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    private static void recordHandOff(Route route, Invocation invocation) {
        HandOffEvent handOff = invocation.handOff();
        if (handOff.shouldCommit()) {
            handOff.module = route.module();
            handOff.label = invocation.label();
            handOff.commit();
        }
    }

    private void invoke(Route route, Invocation invocation) throws Exception {
        switch (route.kind()) {
            case SLASH -> ((SlashCommand) route.handler()).handle(new Contexts.Slash(invocation));
            case USER -> ((UserCommand) route.handler()).handle(new Contexts.OnUser(invocation));
            case MESSAGE -> ((MessageCommand) route.handler()).handle(new Contexts.OnMessage(invocation));
            case COMPONENT -> ((ComponentHandler) route.handler()).handle(new Contexts.Component(invocation, route.key()));
            case MODAL -> ((ModalHandler) route.handler()).handle(new Contexts.Modal(invocation, route.key()));
        }
    }

    private void autocomplete(CommandAutoCompleteInteractionEvent event) {
        Optional<Route> route = registry.command(Route.Kind.SLASH, event.getName());
        if (route.isEmpty()) {
            event.replyChoices(List.of()).queue();
            return;
        }
        try {
            executor(route.get().module()).execute(() -> {
                try {
                    var choices = ((SlashCommand) route.get().handler()).autocomplete(new Contexts.Autocomplete(event));
                    event.replyChoices(choices.size() > 25 ? choices.subList(0, 25) : choices).queue();
                } catch (Exception e) {
                    LOG.warn("Autocomplete of /{} failed: {}", event.getFullCommandName(),
                            redactor.redact(e.toString()));
                    event.replyChoices(List.of()).queue();
                }
            });
        } catch (RejectedExecutionException e) {
            event.replyChoices(List.of()).queue();
        }
    }

    private ThreadPoolExecutor executor(String module) {
        return moduleExecutors.computeIfAbsent(module, m -> {
            ThreadPoolExecutor executor = new ThreadPoolExecutor(config.threadsPerModule(), config.threadsPerModule(),
                    60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.queuePerModule()),
                    Threads.named("hotcog-" + m));
            executor.allowCoreThreadTimeOut(true);
            return executor;
        });
    }

    private void record(Invocation invocation, String module, Outcome outcome, String error) {
        commandLog.record(new CommandLog.Entry(System.currentTimeMillis(), invocation.correlationId(),
                invocation.guildId(), invocation.channelId(), invocation.event().getUser().getIdLong(), module,
                invocation.label(), outcome, elapsedMillis(invocation), error));
    }

    private static long elapsedMillis(Invocation invocation) {
        return (System.nanoTime() - invocation.receivedNanos()) / 1_000_000;
    }

    private static String humanSeconds(long millis) {
        long seconds = (millis + 999) / 1000;
        if (seconds < 120) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        return minutes < 120 ? minutes + " min" : (minutes + 59) / 60 + " h";
    }

    /** Thread names that tell an operator whose threads they are. */
    static final class Threads {
        private Threads() {
        }

        static java.util.concurrent.ThreadFactory named(String prefix) {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
