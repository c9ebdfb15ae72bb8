package org.hotcog.core.internal.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.modules.ModuleDirectory;
import org.hotcog.core.internal.modules.ModuleInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/modules} and {@code GET /api/modules/{id}}: every bundle, feature or core. */
@Component(service = ModulesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(ModulesResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class ModulesResource {
    static final String PATH = "modules";

    private final ModuleDirectory directory;

    @Activate
    public ModulesResource(@Reference ModuleDirectory directory) {
        this.directory = directory;
    }

    @GET
    public List<ModuleInfo> list() {
        return directory.list();
    }

    @GET
    @Path("{id}")
    public ModuleInfo one(@PathParam("id") String id) {
        long bundleId;
        try {
            bundleId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new NotFoundException("module id must be a number, such as 12; got \"" + id + "\"");
        }
        return directory.find(bundleId).orElseThrow(() -> new NotFoundException("no module with id " + bundleId));
    }
}
