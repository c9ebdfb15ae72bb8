package org.hotcog.economy.internal.rest;

import java.time.Instant;
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
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.economy.internal.settings.InvalidSettingException;
import org.hotcog.economy.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/economy/{guildId}}: the balances of a guild's wallets as a leaderboard, one member's
 * balance and ledger, and the settings ({@code PUT} needs the operator role; a bad value is 400
 * naming the field, with nothing stored). Discord ids are strings, as Discord writes them.
 */
@Component(service = EconomyResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(EconomyResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class EconomyResource {
    static final String PATH = "economy/{" + HotcogRest.GUILD_PARAMETER + "}";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /** One place on the leaderboard. */
    public record BalanceJson(int rank, String userId, long balance) {
    }

    /**
     * A page of the leaderboard.
     *
     * @param scope the guild's id, or "0" when it uses the global wallets
     * @param holders how many members have coins
     */
    public record Balances(String scope, int holders, List<BalanceJson> balances) {
    }

    /** One ledger row. */
    public record EntryJson(String id, long delta, long balanceAfter, String kind, String counterpartyId,
            String guildId, String actorId, String note, Instant at) {
    }

    /**
     * A member's wallet.
     *
     * @param rank their place on the leaderboard, null without coins
     * @param nextBefore the {@code before} of the next page of the ledger, null on the last
     */
    public record MemberJson(String userId, long balance, Integer rank, List<EntryJson> ledger, String nextBefore) {
    }

    private final Ledger ledger;
    private final SettingsStore settings;

    @Activate
    public EconomyResource(@Reference Ledger ledger, @Reference SettingsStore settings) {
        this.ledger = ledger;
        this.settings = settings;
    }

    @GET
    @Path("balances")
    public Balances balances(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        long scope = settings.get(guildId).scope(guildId);
        List<BalanceJson> page = ledger.top(scope, (int) number("offset", offset, 0, 0, Integer.MAX_VALUE),
                (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT)).stream()
                .map(r -> new BalanceJson(r.rank(), Long.toString(r.userId()), r.balance())).toList();
        return new Balances(Long.toString(scope), ledger.holders(scope), page);
    }

    @GET
    @Path("members/{userId}")
    public MemberJson member(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("userId") String userId, @QueryParam("limit") String limit,
            @QueryParam("before") String before) {
        long user = number("userId", userId, 0, 1, Long.MAX_VALUE);
        long scope = settings.get(guildId).scope(guildId);
        int pageSize = (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<Ledger.Entry> entries = ledger.history(scope, user, number("before", before, 0, 1, Long.MAX_VALUE),
                pageSize + 1);
        String next = null;
        if (entries.size() > pageSize) {
            entries = entries.subList(0, pageSize);
            next = Long.toString(entries.get(pageSize - 1).id());
        }
        return new MemberJson(Long.toString(user), ledger.balance(scope, user), ledger.rank(scope, user).orElse(null),
                entries.stream().map(e -> new EntryJson(Long.toString(e.id()), e.delta(), e.balanceAfter(),
                        e.kind().wireName(), e.counterpartyId() == 0 ? null : Long.toString(e.counterpartyId()),
                        Long.toString(e.guildId()), Long.toString(e.actorId()), e.note(), e.at())).toList(),
                next);
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
            EconomySettings changed = body.over(settings.get(guildId));
            return SettingsJson.of(settings.save(guildId, changed));
        } catch (InvalidSettingException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** A whole number parameter within limits, or the default when absent; 400 naming the parameter otherwise. */
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
