package org.hotcog.core.internal.rest;

import java.util.Dictionary;
import java.util.Hashtable;

import javax.ws.rs.core.Application;

import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.startup.StartupSignal;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * The one JAX-RS application of Hotcog, served under {@code /api}. It has no resources of its
 * own: the core and every feature bundle contribute theirs through the whiteboard.
 *
 * <p>It is registered once the launcher has started every bundle. The whiteboard builds the
 * application's server anew for each resource or extension added to a running application, some
 * twenty-five at start-up; added before the application, they are all taken in one build.
 */
@Component(service = {}, immediate = true)
public final class HotcogApplication extends Application {
    private final Runnable stopWaiting;
    private ServiceRegistration<Application> registration;
    private boolean deactivated;

    @Activate
    public HotcogApplication(BundleContext context) {
        stopWaiting = new StartupSignal(context).whenBundlesStarted(() -> register(context));
    }

    private synchronized void register(BundleContext context) {
        if (deactivated) {
            return;
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE, HotcogRest.BASE_PATH);
        properties.put(JaxrsWhiteboardConstants.JAX_RS_NAME, HotcogRest.APPLICATION_NAME);
        registration = context.registerService(Application.class, this, properties);
    }

    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        stopWaiting.run();
        if (registration != null) {
            registration.unregister();
        }
    }
}
