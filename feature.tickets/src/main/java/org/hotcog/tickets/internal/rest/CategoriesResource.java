package org.hotcog.tickets.internal.rest;

import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.tickets.internal.admin.PanelStore;
import org.hotcog.tickets.internal.admin.PanelStore.Panel;
import org.hotcog.tickets.internal.category.Category;
import org.hotcog.tickets.internal.category.CategoryStore;
import org.hotcog.tickets.internal.store.InvalidInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/tickets/{guildId}/categories} (list, add, change, delete) and {@code .../panels} (list, forget). Reading
 * is for any token of the guild; changes need the operator role. A bad category is 400 naming the field, with
 * nothing stored; a category with open tickets is not deleted (409).
 */
@Component(service = CategoriesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(TicketsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class CategoriesResource {
    /** A posted panel. */
    public record PanelJson(String id, String channelId, String messageId, String style, String title,
            List<String> categoryIds, String createdBy, java.time.Instant createdAt) {
        static PanelJson of(Panel p) {
            return new PanelJson(Long.toString(p.id()), Long.toString(p.channelId()), Long.toString(p.messageId()),
                    p.style(), p.title(), p.categoryIds().stream().map(String::valueOf).toList(),
                    Long.toString(p.createdBy()), p.createdAt());
        }
    }

    private final CategoryStore categories;
    private final PanelStore panels;

    @Activate
    public CategoriesResource(@Reference CategoryStore categories, @Reference PanelStore panels) {
        this.categories = categories;
        this.panels = panels;
    }

    @GET
    @Path("categories")
    public List<CategoryJson> list(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return categories.list(guildId).stream().map(CategoryJson::of).toList();
    }

    @POST
    @Path("categories")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public Response add(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, CategoryJson body) {
        try {
            Category created = categories.create(guildId, required(body).over(null, guildId));
            return Response.status(Response.Status.CREATED).entity(CategoryJson.of(created)).build();
        } catch (InvalidInput e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @PUT
    @Path("categories/{categoryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public CategoryJson change(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("categoryId") String categoryId, CategoryJson body) {
        Category current = category(guildId, categoryId);
        try {
            return CategoryJson.of(categories.update(guildId, current.id(), required(body).over(current, guildId))
                    .orElseThrow(() -> new NotFoundException("guild " + guildId + " has no category " + categoryId)));
        } catch (InvalidInput e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @DELETE
    @Path("categories/{categoryId}")
    @RequiresRole(ApiRole.OPERATOR)
    public Response delete(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("categoryId") String categoryId) {
        Category current = category(guildId, categoryId);
        try {
            categories.delete(guildId, current.id());
        } catch (InvalidInput e) {
            throw new javax.ws.rs.ClientErrorException(e.problem(), Response.Status.CONFLICT);
        }
        return Response.noContent().build();
    }

    @GET
    @Path("panels")
    public List<PanelJson> panels(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return panels.list(guildId).stream().map(PanelJson::of).toList();
    }

    /** Forgets a panel (its message stays in Discord until deleted there; its buttons keep working). */
    @DELETE
    @Path("panels/{panelId}")
    @RequiresRole(ApiRole.OPERATOR)
    public Response forgetPanel(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("panelId") String panelId) {
        if (!panels.remove(guildId, Params.id("panelId", panelId))) {
            throw new NotFoundException("guild " + guildId + " has no panel " + panelId);
        }
        return Response.noContent().build();
    }

    private Category category(long guildId, String categoryId) {
        try {
            return categories.find(guildId, Long.parseLong(categoryId)).orElseThrow(
                    () -> new NotFoundException("guild " + guildId + " has no category " + categoryId));
        } catch (NumberFormatException e) {
            throw new NotFoundException("guild " + guildId + " has no category " + categoryId);
        }
    }

    private static CategoryJson required(CategoryJson body) {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object with the category's fields");
        }
        return body;
    }
}
