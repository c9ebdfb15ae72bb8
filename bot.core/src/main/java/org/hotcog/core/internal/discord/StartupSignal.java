package org.hotcog.core.internal.discord;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Whether the framework has started every bundle it was launched with. Hotcog's launcher starts the bundles after
 * the framework and then registers a marker service ({@code hotcog.startup=complete}), announced by the framework
 * property {@code hotcog.startup.announced}. Another launcher (bnd's, in development and in the framework tests)
 * gives no such signal: there every bundle counts as started, and the first commands may reach Discord in two
 * writes instead of one.
 */
final class StartupSignal {
    private static final String ANNOUNCED = "hotcog.startup.announced";
    private static final String MARKER = "(hotcog.startup=complete)";

    private final BundleContext context;
    private final boolean announced;

    StartupSignal(BundleContext context) {
        this.context = context;
        this.announced = Boolean.parseBoolean(context.getProperty(ANNOUNCED));
    }

    boolean bundlesStarted() {
        if (!announced) {
            return true;
        }
        try {
            return context.getServiceReferences(Object.class.getName(), MARKER) != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
