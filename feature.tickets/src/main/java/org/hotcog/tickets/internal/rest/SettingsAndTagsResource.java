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
import org.hotcog.api.settings.GuildSetting;
import org.hotcog.api.settings.GuildSettings;
import org.hotcog.tickets.internal.settings.TicketSettings;
import org.hotcog.tickets.internal.store.InvalidInput;
import org.hotcog.tickets.internal.tags.TagStore;
import org.hotcog.tickets.internal.tags.TagStore.Tag;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/tickets/{guildId}/settings} (read, change) and {@code .../tags} (the saved staff replies). Reading is
 * for any token of the guild; changes need the operator role. A bad value is 400 naming the field, with nothing
 * stored.
 */
@Component(service = SettingsAndTagsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(TicketsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsAndTagsResource {
    /**
     * The settings; in a {@code PUT}, a field left out (or null) keeps its value.
     *
     * @param logChannelId where transcripts go; "0" or "" for none
     * @param staleAfterSeconds without a member's message before the reminder; 0 for never
     * @param autoCloseAfterSeconds after the reminder before the ticket closes itself; 0 for never
     */
    public record SettingsJson(String logChannelId, Boolean transcriptDm, Boolean feedback, Long staleAfterSeconds,
            Long autoCloseAfterSeconds) {
    }

    /** A saved reply; {@code id} is read only. */
    public record TagJson(String id, String name, String content) {
        static TagJson of(Tag tag) {
            return new TagJson(Long.toString(tag.id()), tag.name(), tag.content());
        }
    }

    private final GuildSettings settings;
    private final TagStore tags;

    @Activate
    public SettingsAndTagsResource(@Reference GuildSettings settings, @Reference TagStore tags) {
        this.settings = settings;
        this.tags = tags;
    }

    @GET
    @Path("settings")
    public SettingsJson settings(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        long log = settings.get(guildId, TicketSettings.LOG_CHANNEL);
        return new SettingsJson(log == 0 ? null : Long.toString(log), settings.get(guildId, TicketSettings.TRANSCRIPT_DM),
                settings.get(guildId, TicketSettings.FEEDBACK), settings.get(guildId, TicketSettings.STALE_AFTER),
                settings.get(guildId, TicketSettings.AUTO_CLOSE_AFTER));
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public SettingsJson change(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, SettingsJson body) {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object with the settings to change");
        }
        // every value is checked before any is stored
        Long log = body.logChannelId() == null ? null
                : checked("logChannelId", TicketSettings.LOG_CHANNEL, body.logChannelId().isBlank() ? "0"
                        : body.logChannelId());
        Long stale = body.staleAfterSeconds() == null ? null
                : checked("staleAfterSeconds", TicketSettings.STALE_AFTER, body.staleAfterSeconds().toString());
        Long autoClose = body.autoCloseAfterSeconds() == null ? null
                : checked("autoCloseAfterSeconds", TicketSettings.AUTO_CLOSE_AFTER,
                        body.autoCloseAfterSeconds().toString());
        set(guildId, TicketSettings.LOG_CHANNEL, log);
        set(guildId, TicketSettings.TRANSCRIPT_DM, body.transcriptDm());
        set(guildId, TicketSettings.FEEDBACK, body.feedback());
        set(guildId, TicketSettings.STALE_AFTER, stale);
        set(guildId, TicketSettings.AUTO_CLOSE_AFTER, autoClose);
        return settings(guildId);
    }

    private static <T> T checked(String field, GuildSetting<T> setting, String value) {
        try {
            return setting.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(field + ": must be " + setting.expected());
        }
    }

    private <T> void set(long guildId, GuildSetting<T> setting, T value) {
        if (value != null) {
            settings.set(guildId, setting, value);
        }
    }

    @GET
    @Path("tags")
    public List<TagJson> tags(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return tags.list(guildId).stream().map(TagJson::of).toList();
    }

    @POST
    @Path("tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public Response addTag(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, TagJson body) {
        try {
            Tag added = tags.add(guildId, new Tag(0, body == null ? null : body.name(),
                    body == null ? null : body.content()));
            return Response.status(Response.Status.CREATED).entity(TagJson.of(added)).build();
        } catch (InvalidInput e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    @PUT
    @Path("tags/{tagId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public TagJson changeTag(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("tagId") String tagId,
            TagJson body) {
        long id = Params.id("tagId", tagId);
        try {
            if (!tags.edit(guildId, id, body == null ? null : body.content())) {
                throw new NotFoundException("guild " + guildId + " has no tag " + tagId);
            }
        } catch (InvalidInput e) {
            throw new BadRequestException(e.getMessage());
        }
        return TagJson.of(tags.find(guildId, id).orElseThrow());
    }

    @DELETE
    @Path("tags/{tagId}")
    @RequiresRole(ApiRole.OPERATOR)
    public Response removeTag(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("tagId") String tagId) {
        if (!tags.remove(guildId, Params.id("tagId", tagId))) {
            throw new NotFoundException("guild " + guildId + " has no tag " + tagId);
        }
        return Response.noContent().build();
    }
}
