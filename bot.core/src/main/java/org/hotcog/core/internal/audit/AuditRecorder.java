package org.hotcog.core.internal.audit;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.hotcog.api.rest.ApiError;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.auth.Authentication;
import org.hotcog.core.internal.auth.Caller;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Puts every REST request that changes something, and how it ended, into the audit log. Requests
 * without a valid token (401) and those over the rate limit (429) are left out: they change
 * nothing and would let anyone fill the log.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
public final class AuditRecorder implements ContainerResponseFilter {
    private final AuditLog audit;
    @Context
    private ResourceInfo resource;

    @Activate
    public AuditRecorder(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        int status = response.getStatus();
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
                || status == 401 || status == 429
                || !(request.getProperty(Authentication.CALLER) instanceof Caller caller)) {
            return;
        }
        if (status != 403 && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(SelfAudited.class)) {
            return;
        }
        String result = status < 400 ? "ok" : status < 500 ? "refused" : "failed";
        String detail = response.getEntity() instanceof ApiError error ? error.message() : null;
        audit.record(caller.actor(), method + " " + HotcogRest.BASE_PATH + "/" + request.getUriInfo().getPath(false)
                .replaceFirst("^/", ""), null, result, detail);
    }
}
