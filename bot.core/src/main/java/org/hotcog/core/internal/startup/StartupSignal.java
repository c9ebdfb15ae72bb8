package org.hotcog.core.internal.startup;

import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/**
 * Whether the framework has started every bundle it was launched with. Hotcog's launcher starts the framework with
 * its bundles and then registers a marker service ({@code hotcog.startup=complete}), announced by the framework
 * property {@code hotcog.startup.announced}. Another launcher (bnd's, in development and in the framework tests)
 * gives no such signal: there every bundle counts as started.
 */
public final class StartupSignal {
    private static final String ANNOUNCED = "hotcog.startup.announced";
    private static final String MARKER = "(hotcog.startup=complete)";

    private final BundleContext context;
    private final boolean announced;

    public StartupSignal(BundleContext context) {
        this.context = context;
        this.announced = Boolean.parseBoolean(context.getProperty(ANNOUNCED));
    }

    public boolean bundlesStarted() {
        if (!announced) {
            return true;
        }
        try {
            return context.getServiceReferences(Object.class.getName(), MARKER) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code action} once every bundle has started: now if they have, else on the thread that announces it.
     *
     * @return what stops waiting, for a component deactivated before then
     */
    public Runnable whenBundlesStarted(Runnable action) {
        Waiter waiter = new Waiter(action);
        try {
            // Listen first, then look: the marker may come between the two, never unseen.
            context.addServiceListener(waiter, "(&(objectClass=" + Object.class.getName() + ")" + MARKER + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (bundlesStarted()) {
            waiter.runOnce();
        }
        return waiter::cancel;
    }

    /** Runs its action at most once, and stops listening when it has or is cancelled. */
    private final class Waiter implements ServiceListener {
        private final Runnable action;
        private final AtomicBoolean done = new AtomicBoolean();

        Waiter(Runnable action) {
            this.action = action;
        }

        @Override
        public void serviceChanged(ServiceEvent event) {
            if (event.getType() == ServiceEvent.REGISTERED) {
                runOnce();
            }
        }

        void runOnce() {
            if (done.compareAndSet(false, true)) {
                context.removeServiceListener(this);
                action.run();
            }
        }

        void cancel() {
            done.set(true);
            context.removeServiceListener(this);
        }
    }
}
