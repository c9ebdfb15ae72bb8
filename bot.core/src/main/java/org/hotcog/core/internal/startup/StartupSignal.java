package org.hotcog.core.internal.startup;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.startlevel.BundleStartLevel;

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

    /** A filter that matches the marker service, once the launcher has registered it. */
    public String markerFilter() {
        return MARKER;
    }

    /**
     * Whether the bundle is meant to run: started and not stopped by the operator. An update, a refresh or a
     * transient stop leave it so; a stop or an uninstall do not.
     */
    public static boolean persistentlyStarted(Bundle bundle) {
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return false;
        }
        try {
            return bundle.adapt(BundleStartLevel.class).isPersistentlyStarted();
        } catch (IllegalStateException uninstalledMeanwhile) {
            return false;
        }
    }
}
