package org.hotcog.economy.internal.rest;

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
import org.hotcog.economy.internal.settings.InvalidSettingException;
import org.hotcog.economy.internal.shop.Shop;
import org.hotcog.economy.internal.shop.ShopItem;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/economy/{guildId}/items}: the shop. Reading is for any token of the guild; adding,
 * changing and removing need the operator role. A bad item is 400 naming the field, with nothing
 * stored; a removed item stays owned by those who bought it.
 */
@Component(service = ItemsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(EconomyResource.PATH + "/items")
@Produces(MediaType.APPLICATION_JSON)
public final class ItemsResource {
    /**
     * An item as the API reads and writes it.
     *
     * @param id read only; a string, like Discord ids
     * @param stock how many are left, null for no limit
     * @param roleId the role a purchase gives, null for none
     */
    public record ItemJson(String id, String name, String description, Long price, Integer stock, String roleId) {
        static ItemJson of(ShopItem item) {
            return new ItemJson(Long.toString(item.id()), item.name(), item.description(), item.price(), item.stock(),
                    item.roleId() == 0 ? null : Long.toString(item.roleId()));
        }

        ShopItem toItem(long id) {
            if (price == null) {
                throw new InvalidSettingException("price", "is required");
            }
            long role;
            try {
                role = roleId == null ? 0 : Long.parseLong(roleId);
            } catch (NumberFormatException e) {
                throw new InvalidSettingException("roleId", "must be a role id, or null for none");
            }
            return new ShopItem(id, name, description, price, stock, role);
        }
    }

    private final Shop shop;

    @Activate
    public ItemsResource(@Reference Shop shop) {
        this.shop = shop;
    }

    @GET
    public List<ItemJson> items(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return shop.items(guildId).stream().map(ItemJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public Response add(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, ItemJson body) {
        try {
            return Response.status(Response.Status.CREATED).entity(ItemJson.of(shop.add(guildId, required(body)
                    .toItem(0)))).build();
        } catch (InvalidSettingException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @PUT
    @Path("{itemId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public ItemJson update(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("itemId") String itemId,
            ItemJson body) {
        ShopItem item = required(body).toItem(id(guildId, itemId));
        try {
            shop.update(guildId, item);
        } catch (InvalidSettingException e) {
            throw new BadRequestException(e.getMessage());
        }
        return ItemJson.of(shop.item(guildId, item.id()).orElseThrow(() -> new NotFoundException("guild " + guildId
                + " sells no item " + itemId)));
    }

    @DELETE
    @Path("{itemId}")
    @RequiresRole(ApiRole.OPERATOR)
    public Response remove(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("itemId") String itemId) {
        shop.remove(guildId, id(guildId, itemId));
        return Response.noContent().build();
    }

    private static ItemJson required(ItemJson body) {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object: name, description, price, stock, roleId");
        }
        return body;
    }

    /** The id of an item the guild sells; 404 otherwise. */
    private long id(long guildId, String itemId) {
        try {
            long id = Long.parseLong(itemId);
            if (shop.item(guildId, id).isPresent()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, like an unknown id
        }
        throw new NotFoundException("guild " + guildId + " sells no item " + itemId);
    }
}
