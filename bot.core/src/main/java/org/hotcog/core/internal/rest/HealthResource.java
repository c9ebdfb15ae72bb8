package org.hotcog.core.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.health.HealthCheck;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/health}: 200 when every part is healthy, 503 otherwise, with each part's
 * details. The only endpoint that needs no token, so that load balancers can probe it.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(HealthResource.PATH)
public final class HealthResource {
    static final String PATH = "health";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean healthy = true;
        Map<String, Object> parts = new LinkedHashMap<>();
        for (HealthCheck check : checks) {
            HealthCheck.Health health = check.check();
            healthy &= health.healthy();
            parts.put(check.name(), health.details());
        }
        body.put("status", healthy ? "UP" : "DOWN");
        body.putAll(parts);
        return Response.status(healthy ? 200 : 503).entity(body).build();
    }
}
