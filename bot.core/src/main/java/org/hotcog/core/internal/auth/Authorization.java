package org.hotcog.core.internal.auth;

import java.lang.reflect.Method;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.core.internal.rest.ErrorMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * After matching: the token's role must include what the resource method asks
 * ({@link RequiresRole}, else read-only for reads and admin for changes), and a token limited to
 * some guilds may only name those in the {@link HotcogRest#GUILD_PARAMETER} path parameter.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
public final class Authorization implements ContainerRequestFilter {
    @Context
    private ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!(request.getProperty(Authentication.CALLER) instanceof Caller caller)) {
            return; // an open endpoint
        }
        ApiRole needed = neededRole(resource.getResourceMethod(), resource.getResourceClass(), request.getMethod());
        if (!caller.token().role().includes(needed)) {
            request.abortWith(ErrorMapper.error(403, "forbidden", "this needs the role " + needed.wireName()
                    + "; the token has " + caller.token().role().wireName()));
            return;
        }
        String guild = request.getUriInfo().getPathParameters().getFirst(HotcogRest.GUILD_PARAMETER);
        if (guild != null && !caller.token().guildIds().isEmpty()) {
            boolean allowed;
            try {
                allowed = caller.token().allowsGuild(Long.parseLong(guild));
            } catch (NumberFormatException e) {
                allowed = false;
            }
            if (!allowed) {
                request.abortWith(ErrorMapper.error(403, "forbidden", "the token is not allowed guild " + guild));
            }
        }
    }

    static ApiRole neededRole(Method method, Class<?> type, String httpMethod) {
        RequiresRole declared = method != null ? method.getAnnotation(RequiresRole.class) : null;
        if (declared == null && type != null) {
            declared = type.getAnnotation(RequiresRole.class);
        }
        if (declared != null) {
            return declared.value();
        }
        return HttpMethod.GET.equals(httpMethod) || HttpMethod.HEAD.equals(httpMethod) ? ApiRole.READ_ONLY
                : ApiRole.ADMIN;
    }
}
