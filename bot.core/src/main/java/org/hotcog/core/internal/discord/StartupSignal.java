package org.hotcog.core.internal.discord;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;

/**
 * Whether the framework has started every bundle it was launched with. Hotcog's launcher starts the bundles after
 * the framework and then registers a marker service ({@code hotcog.startup=complete}), announced by the framework
 * property {@code hotcog.startup.announced}; under another launcher, the framework's own start is the signal.
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
        if (context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.STARTING) {
            return false;
        }
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
