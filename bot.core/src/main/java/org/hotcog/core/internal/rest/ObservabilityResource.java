package org.hotcog.core.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.discord.DiscordGateway;
import org.hotcog.core.internal.discord.GuildInfo;
import org.hotcog.core.internal.metrics.PrometheusReport;
import org.hotcog.core.internal.registry.CommandRegistry;
import org.hotcog.core.internal.registry.Route;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;


/**
 * {@code GET /api/commands}, {@code /api/guilds}, {@code /api/metrics} and {@code /api/openapi.json}:
 * what the bot serves, where, how it does, and how to call it.
 */
@Component(service = ObservabilityResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path("")
public final class ObservabilityResource {
    /**
     * One command or handler the bot answers.
     *
     * @param kind slash, user, message, component or modal
     * @param name the command name, or the custom-id prefix of a component or modal handler
     * @param module the module that handles it
     */
    public record CommandInfo(String kind, String name, String module) {
    }

    private final CommandRegistry registry;
    private final PrometheusReport metrics;
    private final RestCatalog catalog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DiscordGateway gateway;

    @Activate
    public ObservabilityResource(@Reference CommandRegistry registry, @Reference PrometheusReport metrics,
            @Reference RestCatalog catalog) {
        this.registry = registry;
        this.metrics = metrics;
        this.catalog = catalog;
    }

    @GET
    @Path("commands")
    @Produces(MediaType.APPLICATION_JSON)
    public List<CommandInfo> commands() {
        List<CommandInfo> commands = new ArrayList<>();
        for (Route.Kind kind : Route.Kind.values()) {
            for (Route route : registry.routes(kind)) {
                commands.add(new CommandInfo(kind.name().toLowerCase(java.util.Locale.ROOT), route.key(),
                        route.module()));
            }
        }
        return commands;
    }

    @GET
    @Path("guilds")
    @Produces(MediaType.APPLICATION_JSON)
    public List<GuildInfo> guilds() {
        return GuildInfo.of(gateway);
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public java.util.Map<String, Object> openApi() {
        return catalog.openApi();
    }

    @GET
    @Path("metrics")
    @Produces(MediaType.TEXT_PLAIN)
    public Response metrics() {
        return Response.ok(metrics.write(), PrometheusReport.CONTENT_TYPE).build();
    }
}
