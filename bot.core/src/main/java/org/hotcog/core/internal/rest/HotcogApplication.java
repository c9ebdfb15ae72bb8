package org.hotcog.core.internal.rest;

import javax.ws.rs.core.Application;

import org.hotcog.api.rest.HotcogRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The one JAX-RS application of Hotcog, served under {@code /api}. It has no resources of its
 * own: the core and every feature bundle contribute theirs through the whiteboard.
 */
@Component(service = Application.class)
@JaxrsApplicationBase(HotcogRest.BASE_PATH)
@JaxrsName(HotcogRest.APPLICATION_NAME)
public final class HotcogApplication extends Application {
}
