package org.hotcog.itest.framework;

import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** A feature's REST resource, written as a cog author writes one (module {@code itest}): per guild. */
@Component(service = SampleResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path("itest/{" + HotcogRest.GUILD_PARAMETER + "}")
@Produces(MediaType.APPLICATION_JSON)
public class SampleResource {
    @GET
    @Path("greeting")
    public Map<String, String> greeting(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @QueryParam("name") String name) {
        return Map.of("guild", Long.toString(guildId), "greeting", "hello " + (name == null ? "there" : name));
    }

    @POST
    @Path("refresh")
    @RequiresRole(ApiRole.OPERATOR)
    public Map<String, String> refresh(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return Map.of("guild", Long.toString(guildId), "refreshed", "yes");
    }
}
