package org.hotcog.pterodactyl.internal.rest;

import java.io.IOException;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.ForbiddenException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.api.secrets.SecretBox;
import org.hotcog.pterodactyl.internal.client.PanelClient;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelConfig;
import org.hotcog.pterodactyl.internal.panel.PanelRegistry;
import org.hotcog.pterodactyl.internal.panel.PanelState;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/pterodactyl/{guildId}/panels}: the guild's panels with their state, keys shown redacted only; an admin
 * token of the guild creates, changes and deletes the panels that serve this guild alone (a panel shared with other
 * guilds is the operator's, in the Web Console). Keys are write-only: sealed before they are stored, and kept when a
 * change leaves them out.
 */
@Component(service = PanelsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(PanelsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class PanelsResource {
    static final String PATH = "pterodactyl/{" + HotcogRest.GUILD_PARAMETER + "}/panels";

    /** A panel as the API shows it; keys redacted. */
    public record PanelJson(String name, String url, String clientKey, String applicationKey, String state,
            List<String> problems) {
    }

    /** A panel as written: a key left out (null) is kept. */
    public record PanelInput(String url, String clientKey, String applicationKey) {
    }

    private final PanelRegistry panels;
    private final ConfigurationAdmin configurations;
    private final SecretBox secrets;

    @Activate
    public PanelsResource(@Reference PanelRegistry panels, @Reference ConfigurationAdmin configurations,
            @Reference SecretBox secrets) {
        this.panels = panels;
        this.configurations = configurations;
        this.secrets = secrets;
    }

    @GET
    public List<PanelJson> list(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return panels.forGuild(guildId).stream().map(this::json).toList();
    }

    @GET
    @Path("{name}")
    public PanelJson one(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("name") String name) {
        return json(panels.forGuild(guildId, name).orElseThrow(() -> new NotFoundException("panel: no panel "
                + name + " serves guild " + guildId)));
    }

    /** Creates or changes a panel of this guild alone; the change is checked against the panel, as in its state. */
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.ADMIN)
    public Response put(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("name") String name,
            PanelInput input) throws IOException {
        if (input == null) {
            throw new BadRequestException("body: a JSON object with url, clientKey and applicationKey");
        }
        Optional<Configuration> existing = ownConfiguration(guildId, name);
        Dictionary<String, Object> properties = existing.map(Configuration::getProperties)
                .orElseGet(Hashtable::new);
        properties.put("name", name);
        properties.put("url", valid(() -> PanelClient.validUrl(input.url())));
        if (input.clientKey() != null || existing.isEmpty()) {
            properties.put(".clientKey", secrets.seal(valid(() -> PanelClient.validKey("clientKey",
                    input.clientKey(), "ptlc_"))));
        }
        if (input.applicationKey() != null) {
            if (input.applicationKey().isEmpty()) {
                properties.remove(".applicationKey");
            } else {
                properties.put(".applicationKey", secrets.seal(valid(() -> PanelClient.validKey("applicationKey",
                        input.applicationKey(), "ptla_"))));
            }
        }
        properties.put("guilds", new String[] { String.valueOf(guildId) });
        Configuration configuration = existing.isPresent() ? existing.get()
                : configurations.createFactoryConfiguration(PanelConfig.PID, "?");
        configuration.update(properties);
        return Response.status(existing.isPresent() ? Response.Status.ACCEPTED : Response.Status.CREATED)
                .entity(new PanelJson(name, input.url().trim(), "(write-only)", "(write-only)", "checking",
                        List.of())).build();
    }

    @DELETE
    @Path("{name}")
    @RequiresRole(ApiRole.ADMIN)
    public Response delete(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("name") String name)
            throws IOException {
        ownConfiguration(guildId, name).orElseThrow(() -> new NotFoundException("panel: no panel " + name
                + " serves guild " + guildId)).delete();
        return Response.noContent().build();
    }

    private interface Check {
        String value();
    }

    private static String valid(Check check) {
        try {
            return check.value();
        } catch (IllegalArgumentException e) {
            // the messages name the field and never repeat a key
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * The configuration named so, if any, after checking that it serves this guild alone.
     *
     * @throws ForbiddenException when it serves other guilds too
     */
    private Optional<Configuration> ownConfiguration(long guildId, String name) throws IOException {
        if (!name.matches("[a-z0-9_-]{1,32}")) {
            throw new BadRequestException("name: 1 to 32 of a-z, 0-9, - and _");
        }
        Configuration[] found;
        try {
            found = configurations.listConfigurations("(&(service.factoryPid=" + PanelConfig.PID + ")(name=" + name
                    + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a checked name made a bad filter", e);
        }
        if (found == null || found.length == 0) {
            return Optional.empty();
        }
        Object guilds = found[0].getProperties().get("guilds");
        String[] ids = guilds instanceof String[] array ? array : new String[] { String.valueOf(guilds) };
        if (!Arrays.equals(ids, new String[] { String.valueOf(guildId) })) {
            throw new ForbiddenException("panel: " + name + " serves other guilds too; only the operator changes it");
        }
        return Optional.of(found[0]);
    }

    private PanelJson json(Panel panel) {
        PanelState state = panels.states().stream().filter(s -> s.pid().equals(panel.pid())).findFirst()
                .orElse(null);
        return new PanelJson(panel.name(), panel.settings().url(), SecretBox.redact(panel.settings().clientKey()),
                panel.settings().applicationKey() == null ? null : SecretBox.redact(panel.settings().applicationKey()),
                state == null ? "active" : state.status().name().toLowerCase(java.util.Locale.ROOT),
                state == null ? List.of() : state.problems());
    }
}
