package org.hotcog.core.internal.rest;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.core.internal.auth.ApiToken;
import org.hotcog.core.internal.auth.Caller;
import org.hotcog.core.internal.auth.TokenStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/tokens}: the API's bearer tokens, for admins only. A new token's secret is in the
 * answer to its creation and nowhere else, ever.
 */
@Component(service = TokensResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path("tokens")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(ApiRole.ADMIN)
public final class TokensResource {
    /**
     * What a client sends to create a token.
     *
     * @param name what the token is for, 1 to 64 characters
     * @param role {@code admin}, {@code operator} or {@code read-only}
     * @param guilds the guilds its feature requests may name; absent or empty for all
     * @param rateLimit requests per second, absent for the configured default
     */
    public record NewToken(String name, String role, Set<Long> guilds, Integer rateLimit) {
    }

    /** The answer to a creation: the token, and its secret, shown this once. */
    public record CreatedToken(ApiToken token, String secret) {
    }

    private final TokenStore tokens;

    @Activate
    public TokensResource(@Reference TokenStore tokens) {
        this.tokens = tokens;
    }

    @GET
    public List<ApiToken> list() throws SQLException {
        return tokens.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewToken request, @Context SecurityContext caller) throws SQLException {
        if (request == null) {
            throw new BadRequestException("send a JSON body such as {\"name\": \"ci\", \"role\": \"operator\"}");
        }
        TokenStore.Created created;
        try {
            created = tokens.create(request.name(), request.role(), request.guilds(), request.rateLimit(),
                    caller instanceof Caller known ? known.actor() : "anonymous");
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return Response.created(URI.create("tokens/" + created.token().id()))
                .entity(new CreatedToken(created.token(), created.secret())).build();
    }

    @GET
    @Path("{id}")
    public ApiToken one(@PathParam("id") String id) throws SQLException {
        return tokens.find(id).orElseThrow(() -> new NotFoundException("no token with id \"" + id + "\""));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) throws SQLException {
        if (!tokens.revoke(id)) {
            throw new NotFoundException("no valid token with id \"" + id + "\"");
        }
        return Response.noContent().build();
    }
}
