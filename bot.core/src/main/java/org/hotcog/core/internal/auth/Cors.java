package org.hotcog.core.internal.auth;

import java.util.Set;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

import org.hotcog.api.rest.HotcogRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Cross-origin access for the configured web origins only; with none configured (the default) no
 * CORS header is ever sent, so browsers keep other sites' scripts out of the API.
 */
@Component(service = ContainerResponseFilter.class, configurationPid = AdminConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@JaxrsExtension
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
public final class Cors implements ContainerResponseFilter {
    private final Set<String> origins;

    @Activate
    public Cors(AdminConfig config) {
        this.origins = Set.of(config.corsOrigins());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin == null || !origins.contains(origin)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
        if (request.getHeaderString("Access-Control-Request-Method") != null) {
            headers.putSingle("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            headers.putSingle("Access-Control-Allow-Headers", "Authorization, Content-Type");
            headers.putSingle("Access-Control-Max-Age", "600");
        }
    }
}
