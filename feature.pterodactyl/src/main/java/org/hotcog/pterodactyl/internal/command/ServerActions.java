package org.hotcog.pterodactyl.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.access.Audit;
import org.hotcog.pterodactyl.internal.access.Level;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.PanelSocket;
import org.hotcog.pterodactyl.internal.client.PowerSignal;
import org.hotcog.pterodactyl.internal.servers.ServerAccess;
import org.hotcog.pterodactyl.internal.servers.Target;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;

/**
 * What members do to servers, checked and audited the same way from commands, buttons and forms: power signals,
 * console commands, and reading the console's recent lines.
 */
@Component(service = ServerActions.class)
public final class ServerActions {
    /** Lines of console shown at most, the latest. */
    static final int CONSOLE_LINES = 25;
    /** How long the console is read after the last line that arrived. */
    private static final long QUIET_MILLIS = 600;
    private static final long CONSOLE_WAIT_MILLIS = 6000;

    private final ServerAccess access;
    private final Audit audit;
    private final ScheduledExecutorService sockets = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "hotcog-ptero-console");
        thread.setDaemon(true);
        return thread;
    });

    @Activate
    public ServerActions(@Reference ServerAccess access, @Reference Audit audit) {
        this.access = access;
        this.audit = audit;
    }

    /** The signal named by a command option or a button: {@code start}, {@code stop}, {@code restart}, {@code kill}. */
    static PowerSignal signal(String text) {
        try {
            return PowerSignal.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal("Unknown power action: " + text + ". Use start, stop, restart or kill.");
        }
    }

    /**
     * Sends a power signal to a server the member controls, and audits it.
     *
     * @return the server, for the answer
     * @throws Refusal when the member may not, or the panel refused
     */
    public Target power(Member member, String ref, PowerSignal signal) {
        Target target = access.resolve(member, ref, Level.CONTROL);
        audited(member, target, Audit.POWER, signal.wire(), () -> target.client().power(target.server().identifier(),
                signal));
        return target;
    }

    /** Sends a console command to a server the member controls, and audits it. */
    public Target command(Member member, String ref, String command) {
        Target target = access.resolve(member, ref, Level.CONTROL);
        String line = command == null ? "" : command.strip();
        if (line.isEmpty() || line.length() > 2000 || line.chars().anyMatch(Character::isISOControl)) {
            throw new Refusal("A console command is one line of 1 to 2000 characters.");
        }
        audited(member, target, Audit.COMMAND, line, () -> target.client().command(target.server().identifier(), line));
        return target;
    }

    /** Makes a call that changes a server, and audits it however the panel answered. */
    private void audited(Member member, Target target, String action, String detail, Runnable call) {
        PanelException failure = null;
        try {
            call.run();
        } catch (PanelException e) {
            failure = e;
            throw access.failed(member.getIdLong(), target, e);
        } finally {
            audit.record(member.getGuild().getIdLong(), member.getIdLong(), target.panel().name(),
                    target.server().identifier(), target.server().name(), action, detail, target.memberKey(), failure);
        }
    }

    /** The latest console lines of a running server the member controls, from its websocket. */
    public List<String> console(Member member, Target target) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        PanelSocket[] socket = new PanelSocket[1];
        ScheduledFuture<?>[] quiet = new ScheduledFuture<?>[1];
        PanelSocket.Listener listener = new PanelSocket.Listener() {
            @Override
            public void onAuthenticated() {
                synchronized (socket) {
                    socket[0].requestLogs();
                    quiet[0] = sockets.schedule(() -> done.complete(null), QUIET_MILLIS * 2, TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void onConsole(String line) {
                synchronized (socket) {
                    lines.add(line);
                    if (quiet[0] != null) {
                        quiet[0].cancel(false);
                    }
                    quiet[0] = sockets.schedule(() -> done.complete(null), QUIET_MILLIS, TimeUnit.MILLISECONDS);
                }
            }

            @Override
            public void onGaveUp(PanelException cause) {
                done.completeExceptionally(cause);
            }
        };
        synchronized (socket) {
            socket[0] = target.client().openSocket(target.server().identifier(), listener, sockets);
        }
        try {
            done.get(CONSOLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw access.failed(member.getIdLong(), target, (PanelException) e.getCause());
        } catch (TimeoutException e) {
            if (lines.isEmpty()) {
                throw new Refusal("The console of " + target.label() + " did not answer in time; try again.");
            }
        } finally {
            socket[0].close();
        }
        synchronized (socket) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - CONSOLE_LINES), lines.size()));
        }
    }

    @Deactivate
    void deactivate() {
        sockets.shutdownNow();
    }
}
