package org.hotcog.levels.internal.rest;

import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.levels.internal.settings.InvalidSettingException;
import org.hotcog.levels.internal.settings.SettingsStore;
import org.hotcog.levels.internal.xp.Curve;
import org.hotcog.levels.internal.xp.XpStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/levels/{guildId}}: the guild's leaderboard, one member's level, and the settings
 * ({@code PUT} needs the operator role; a bad value is 400 naming the field, with nothing stored).
 * Discord ids are strings, as Discord writes them.
 */
@Component(service = LevelsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(LevelsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class LevelsResource {
    static final String PATH = "levels/{" + HotcogRest.GUILD_PARAMETER + "}";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /**
     * A member's level.
     *
     * @param rank their place on the leaderboard, null without XP
     * @param intoLevel XP earned since reaching the level
     * @param toNext XP the level takes in all, from its start to the next
     */
    public record MemberJson(String userId, long xp, int level, long intoLevel, long toNext, Integer rank) {
        static MemberJson of(long userId, long xp, Integer rank) {
            Curve.Progress progress = Curve.progress(xp);
            return new MemberJson(Long.toString(userId), xp, progress.level(), progress.intoLevel(), progress.toNext(),
                    rank);
        }
    }

    /**
     * A page of the leaderboard.
     *
     * @param ranked how many members have XP
     */
    public record Leaderboard(int ranked, List<MemberJson> members) {
    }

    private final XpStore store;
    private final SettingsStore settings;

    @Activate
    public LevelsResource(@Reference XpStore store, @Reference SettingsStore settings) {
        this.store = store;
        this.settings = settings;
    }

    @GET
    @Path("leaderboard")
    public Leaderboard leaderboard(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        List<MemberJson> page = store.top(guildId, (int) number("offset", offset, 0, 0, Integer.MAX_VALUE),
                (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT)).stream()
                .map(r -> MemberJson.of(r.userId(), r.xp(), r.rank())).toList();
        return new Leaderboard(store.ranked(guildId), page);
    }

    @GET
    @Path("members/{userId}")
    public MemberJson member(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("userId") String userId) {
        long user = number("userId", userId, 0, 1, Long.MAX_VALUE);
        return MemberJson.of(user, store.xp(guildId, user), store.rank(guildId, user).orElse(null));
    }

    @GET
    @Path("settings")
    public SettingsJson settings(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return SettingsJson.of(settings.get(guildId));
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public SettingsJson changeSettings(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, SettingsJson body) {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object of settings");
        }
        try {
            return SettingsJson.of(settings.save(guildId, body.over(settings.get(guildId))));
        } catch (InvalidSettingException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /**
     * A whole number parameter within limits, or the default when absent; 400 naming the parameter
     * otherwise. (The economy's resource reads its parameters the same way; bundles share no code.)
     */
    private static long number(String name, String text, long absent, long min, long max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a value out of range
        }
        throw new BadRequestException(name + ": must be a whole number from " + min + " to " + max);
    }
}
