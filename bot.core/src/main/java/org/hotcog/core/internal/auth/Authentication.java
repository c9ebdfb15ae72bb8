package org.hotcog.core.internal.auth;

import java.util.Optional;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.rest.ErrorMapper;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Every request but the health probe and CORS pre-flights must carry a valid bearer token, and
 * stay within the token's rate. Runs before resource matching, so that an unknown path tells an
 * anonymous caller nothing.
 */
@Component(service = ContainerRequestFilter.class, configurationPid = AdminConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@JaxrsExtension
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@PreMatching
public final class Authentication implements ContainerRequestFilter {
    /** Request property holding the {@link Caller}, for the audit log. */
    public static final String CALLER = "hotcog.caller";
    private static final String BEARER = "Bearer ";

    private final TokenStore tokens;
    private final RateLimiter limiter = new RateLimiter();
    private final int defaultRate;

    @Activate
    public Authentication(@Reference TokenStore tokens, AdminConfig config) {
        this.tokens = tokens;
        this.defaultRate = config.rateLimit();
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (isOpen(request)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("this endpoint needs a bearer token: "
                    + "send the header \"Authorization: Bearer <token>\""));
            return;
        }
        Optional<ApiToken> token = tokens.authenticate(header.substring(BEARER.length()).trim());
        if (token.isEmpty()) {
            request.abortWith(unauthorized("the token is unknown or revoked"));
            return;
        }
        int rate = token.get().rateLimit() != null ? token.get().rateLimit() : defaultRate;
        long wait = limiter.acquire(token.get().id(), rate, System.nanoTime());
        if (wait > 0) {
            request.abortWith(Response.fromResponse(ErrorMapper.error(429, "rate_limited",
                    "this token may make " + rate + " requests a second; retry after " + wait + " s"))
                    .header(HttpHeaders.RETRY_AFTER, wait).build());
            return;
        }
        Caller caller = new Caller(token.get(), request.getSecurityContext().isSecure());
        request.setSecurityContext(caller);
        request.setProperty(CALLER, caller);
    }

    private static boolean isOpen(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        boolean preflight = HttpMethod.OPTIONS.equals(request.getMethod())
                && request.getHeaderString("Access-Control-Request-Method") != null;
        return preflight || path.equals("health") && HttpMethod.GET.equals(request.getMethod())
                || path.equals("health") && HttpMethod.HEAD.equals(request.getMethod());
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(ErrorMapper.error(401, "unauthorized", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hotcog\"").build();
    }
}
