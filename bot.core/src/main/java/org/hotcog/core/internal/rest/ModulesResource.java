package org.hotcog.core.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.core.internal.audit.SelfAudited;
import org.hotcog.core.internal.auth.Caller;
import org.hotcog.core.internal.modules.ModuleDetail;
import org.hotcog.core.internal.modules.ModuleDirectory;
import org.hotcog.core.internal.modules.ModuleException;
import org.hotcog.core.internal.modules.ModuleInfo;
import org.hotcog.core.internal.modules.ModuleManager;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/modules}: the installed bundles, and every operation on a module. A module is named
 * in the path by its id, its module name or its symbolic name. Jars are sent as the raw body
 * ({@code Content-Type: application/java-archive}).
 */
@Component(service = ModulesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(ModulesResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class ModulesResource {
    static final String PATH = "modules";
    private static final String JAR = "application/java-archive";

    private final ModuleDirectory directory;
    private final ModuleManager manager;
    private final ModuleDetails details;
    private final AtomicReference<SerializedList<ModuleInfo>> lastList = new AtomicReference<>();

    @Activate
    public ModulesResource(@Reference ModuleDirectory directory, @Reference ModuleManager manager,
            @Reference ModuleDetails details) {
        this.directory = directory;
        this.manager = manager;
        this.details = details;
    }

    /** The same list and its JSON, written once, until a bundle changes (the most polled answer of the API). */
    @GET
    public List<ModuleInfo> list() {
        List<ModuleInfo> modules = directory.list();
        SerializedList<ModuleInfo> last = lastList.get();
        if (last != null && last.items() == modules) {
            return last;
        }
        SerializedList<ModuleInfo> fresh = new SerializedList<>(modules);
        lastList.set(fresh);
        return fresh;
    }

    @GET
    @Path("{id}")
    public ModuleDetail one(@PathParam("id") String id) throws ModuleException {
        return details.describe(bundle(id));
    }

    @POST
    @Consumes({ JAR, MediaType.APPLICATION_OCTET_STREAM, "application/zip" })
    @SelfAudited
    public Response install(InputStream jar, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length,
            @Context SecurityContext caller) throws ModuleException, IOException {
        java.nio.file.Path file = receive(jar, length, caller, "install");
        try {
            ModuleInfo installed = manager.install(file, actor(caller));
            return Response.created(URI.create(PATH + "/" + installed.id()))
                    .entity(installed).build();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @POST
    @Path("{id}/update")
    @Consumes({ JAR, MediaType.APPLICATION_OCTET_STREAM, "application/zip" })
    @SelfAudited
    public ModuleInfo update(@PathParam("id") String id, InputStream jar,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, @Context SecurityContext caller)
            throws ModuleException, IOException {
        Bundle bundle = bundle(id);
        java.nio.file.Path file = receive(jar, length, caller, "update " + bundle.getSymbolicName());
        long bundleId = bundle.getBundleId();
        try {
            return manager.update(bundleId, file, actor(caller));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @POST
    @Path("{id}/rollback")
    @SelfAudited
    public ModuleInfo rollback(@PathParam("id") String id, @Context SecurityContext caller) throws ModuleException {
        return manager.rollback(bundle(id).getBundleId(), actor(caller));
    }

    /** Start, stop or reload: what operators may do, where the other changes need an admin. */
    @POST
    @Path("{id}/{operation: start|stop|reload}")
    @RequiresRole(ApiRole.OPERATOR)
    @SelfAudited
    public ModuleInfo operate(@PathParam("id") String id, @PathParam("operation") String operation,
            @Context SecurityContext caller) throws ModuleException {
        return manager.operate(operation, bundle(id).getBundleId(), actor(caller));
    }

    @DELETE
    @Path("{id}")
    @SelfAudited
    public Response uninstall(@PathParam("id") String id, @Context SecurityContext caller) throws ModuleException {
        manager.uninstall(bundle(id).getBundleId(), actor(caller));
        return Response.noContent().build();
    }

    private Bundle bundle(String id) throws ModuleException {
        return details.find(id).orElseThrow(() -> new ModuleException(ModuleException.Reason.NOT_FOUND,
                "no module with id or name \"" + id + "\""));
    }

    private java.nio.file.Path receive(InputStream jar, Long length, SecurityContext caller, String action)
            throws ModuleException, IOException {
        return manager.receive(jar, length == null ? -1 : length, actor(caller), action);
    }

    private static String actor(SecurityContext caller) {
        return caller instanceof Caller known ? known.actor() : "anonymous";
    }
}
