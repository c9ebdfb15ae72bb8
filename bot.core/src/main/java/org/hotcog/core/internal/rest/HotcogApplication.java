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
 * <p>While the launcher starts the bundles, the whiteboard is told to deploy the application only once
 * they have all started (Aries' {@value #READY_FILTER} property, which waits for the launcher's marker
 * service). The whiteboard builds a running application's server anew for each resource or extension
 * added to it, some twenty-five at start-up; waiting, it takes them all in one build. Until then
 * {@link ApiNotUpServlet} answers.
 */
@Component(service = {}, immediate = true)
public final class HotcogApplication extends Application {
    static final String READY_FILTER = "application.ready.service.filter";

    private final ServiceRegistration<Application> registration;

    @Activate
    public HotcogApplication(BundleContext context) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE, HotcogRest.BASE_PATH);
        properties.put(JaxrsWhiteboardConstants.JAX_RS_NAME, HotcogRest.APPLICATION_NAME);
        StartupSignal startup = new StartupSignal(context);
        if (!startup.bundlesStarted()) {
            properties.put(READY_FILTER, startup.markerFilter());
        }
        registration = context.registerService(Application.class, this, properties);
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
    }
}
