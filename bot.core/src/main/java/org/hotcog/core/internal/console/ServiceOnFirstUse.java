package org.hotcog.core.internal.console;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service obtained on its first use and kept until {@link #release()}. The web console obtains its plugins while
 * services are still being registered, and getting a service that is itself being created at that moment fails as a
 * cycle; a plugin that waits for its first request avoids that.
 */
final class ServiceOnFirstUse<T> {
    private final ComponentServiceObjects<T> objects;
    private T service;

    ServiceOnFirstUse(ComponentServiceObjects<T> objects) {
        this.objects = objects;
    }

    /**
     * The service.
     *
     * @throws NotReady if it cannot be had this moment: SCR gives none while the service is being unregistered or
     *         could not be created (the next call tries again)
     */
    synchronized T get() {
        if (service == null) {
            service = objects.getService();
            if (service == null) {
                throw new NotReady(objects.getServiceReference().getProperty("component.name"));
            }
        }
        return service;
    }

    synchronized void release() {
        if (service != null) {
            objects.ungetService(service);
            service = null;
        }
    }

    /** A service that could not be had this moment; a request can be tried again shortly. */
    static final class NotReady extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotReady(Object component) {
            super("the service " + component + " is starting or being replaced; try again in a moment");
        }
    }
}
