package org.hotcog.pterodactyl.internal.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.ServiceUnavailableException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.pterodactyl.internal.access.Audit;
import org.hotcog.pterodactyl.internal.client.PanelException;
import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.client.PowerSignal;
import org.hotcog.pterodactyl.internal.client.Usage;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelRegistry;
import org.hotcog.pterodactyl.internal.servers.PanelRefusals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/pterodactyl/{guildId}/servers} (every server the guild's panels' keys see, with its state and use),
 * {@code .../servers/{panel}/{id}/power} (an operator token sends a signal, audited with user 0 and the token's
 * name) and {@code .../audit} (the latest actions).
 */
@Component(service = ServersResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(ServersResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class ServersResource {
    static final String PATH = "pterodactyl/{" + HotcogRest.GUILD_PARAMETER + "}";
    /** Statuses asked for in one listing at most: each is a panel request. */
    static final int MAX_STATUSES = 50;

    /**
     * A server; {@code state} and the figures are null past {@value #MAX_STATUSES} servers or when the panel did not
     * answer.
     */
    public record ServerJson(String panel, String id, String name, String address, String state, Double cpu,
            Long memoryBytes, Long diskBytes, Long uptimeMillis, long cpuLimitPercent, long memoryLimitMb) {
    }

    /** A panel whose servers could not be listed. */
    public record PanelProblem(String panel, String problem) {
    }

    public record ServerList(List<ServerJson> servers, List<PanelProblem> problems) {
    }

    public record PowerInput(String signal) {
    }

    public record AuditJson(long id, long userId, String panel, String serverId, String serverName, String action,
            String detail, boolean memberKey, String outcome, Instant at) {
    }

    private final PanelRegistry panels;
    private final Audit audit;

    @Activate
    public ServersResource(@Reference PanelRegistry panels, @Reference Audit audit) {
        this.panels = panels;
        this.audit = audit;
    }

    @GET
    @Path("servers")
    public ServerList servers(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        List<ServerJson> servers = new ArrayList<>();
        List<PanelProblem> problems = new ArrayList<>();
        for (Panel panel : panels.forGuild(guildId)) {
            try {
                for (PanelServerInfo server : panel.client().listServers()) {
                    servers.add(json(panel, server, servers.size() < MAX_STATUSES));
                }
            } catch (PanelException e) {
                problems.add(new PanelProblem(panel.name(), PanelRefusals.of(panel.name(), panel.name(), e, false)
                        .getMessage()));
            }
        }
        return new ServerList(servers, problems);
    }

    @POST
    @Path("servers/{panel}/{id}/power")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public Response power(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("panel") String panelName,
            @PathParam("id") String id, PowerInput input, @Context SecurityContext caller) {
        Panel panel = panels.forGuild(guildId, panelName).orElseThrow(() -> new NotFoundException("panel: no panel "
                + panelName + " serves guild " + guildId));
        PowerSignal signal;
        try {
            signal = PowerSignal.valueOf(input == null || input.signal() == null ? ""
                    : input.signal().trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("signal: start, stop, restart or kill");
        }
        PanelServerInfo server = server(panel, id);
        PanelException failure = null;
        try {
            panel.client().power(server.identifier(), signal);
            return Response.accepted().build();
        } catch (PanelException e) {
            failure = e;
            throw failure(panel, server, e);
        } finally {
            audit.record(guildId, 0, panel.name(), server.identifier(), server.name(), Audit.POWER, signal.wire()
                    + " (REST: " + caller.getUserPrincipal().getName() + ")", false, failure);
        }
    }

    @GET
    @Path("audit")
    public List<AuditJson> audit(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @QueryParam("limit") String limit) {
        int count;
        try {
            count = limit == null ? 50 : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > 500) {
            throw new BadRequestException("limit: a whole number from 1 to 500");
        }
        return audit.latest(guildId, count).stream().map(e -> new AuditJson(e.id(), e.userId(), e.panel(),
                e.serverId(), e.serverName(), e.action(), e.detail(), e.memberKey(), e.outcome(), e.at())).toList();
    }

    private PanelServerInfo server(Panel panel, String id) {
        try {
            return panel.client().server(id);
        } catch (IllegalArgumentException | PanelException.NotFound e) {
            throw new NotFoundException("server: " + panel.name() + " has no server " + id + " its key sees");
        } catch (PanelException e) {
            throw failure(panel, null, e);
        }
    }

    private static WebApplicationException failure(Panel panel, PanelServerInfo server, PanelException e) {
        String message = PanelRefusals.of(panel.name(), server == null ? panel.name() : server.name(), e, false)
                .getMessage();
        if (e instanceof PanelException.RateLimited || e instanceof PanelException.Unavailable) {
            return new ServiceUnavailableException(message);
        }
        if (e instanceof PanelException.ServerOffline) {
            return new WebApplicationException(message, Response.Status.CONFLICT);
        }
        return new WebApplicationException(message, Response.Status.BAD_GATEWAY);
    }

    private static ServerJson json(Panel panel, PanelServerInfo server, boolean withStatus) {
        Usage usage = null;
        if (withStatus) {
            try {
                usage = panel.client().resources(server.identifier());
            } catch (PanelException e) {
                // the listing still names the server; its figures stay null
            }
        }
        return new ServerJson(panel.name(), server.identifier(), server.name(),
                server.defaultAllocation().map(PanelServerInfo.Allocation::address).orElse(null),
                usage == null ? null : usage.state(), usage == null ? null : usage.cpuAbsolute(),
                usage == null ? null : usage.memoryBytes(), usage == null ? null : usage.diskBytes(),
                usage == null ? null : usage.uptimeMillis(), server.limits().cpuPercent(), server.limits().memoryMb());
    }
}
