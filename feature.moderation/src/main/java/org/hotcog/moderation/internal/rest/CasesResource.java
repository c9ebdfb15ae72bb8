package org.hotcog.moderation.internal.rest;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hotcog.api.rest.HotcogRest;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseFilter;
import org.hotcog.moderation.internal.cases.CaseStore;
import org.hotcog.moderation.internal.warnings.Warning;
import org.hotcog.moderation.internal.warnings.WarningStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/moderation/{guildId}/cases} (filters and pages), {@code .../cases/{number}} and
 * {@code .../warnings/{userId}}. Reading needs the read-only role; guild-limited tokens reach
 * their own guilds only.
 */
@Component(service = CasesResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(CasesResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class CasesResource {
    static final String PATH = "moderation/{" + HotcogRest.GUILD_PARAMETER + "}";
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;

    /**
     * One page of cases, newest first.
     *
     * @param nextBefore the {@code before} of the next page, or null on the last page
     */
    public record CasePage(List<CaseJson> cases, Integer nextBefore) {
    }

    /** A member's warnings, newest first, and the points that count now. */
    public record Warnings(String userId, int activePoints, List<WarningJson> warnings) {
    }

    /**
     * @param expiresAt null when it never expires
     * @param clearedByCase the unwarn case that cleared it, or null
     */
    public record WarningJson(CaseJson warnCase, int points, Instant expiresAt, boolean active,
            Integer clearedByCase) {
    }

    private final CaseStore cases;
    private final WarningStore warnings;

    @Activate
    public CasesResource(@Reference CaseStore cases, @Reference WarningStore warnings) {
        this.cases = cases;
        this.warnings = warnings;
    }

    @GET
    @Path("cases")
    public CasePage cases(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @QueryParam("target") String target,
            @QueryParam("action") String action, @QueryParam("moderator") String moderator,
            @QueryParam("before") String before, @QueryParam("limit") String limit) {
        CaseAction filterAction = null;
        if (action != null) {
            filterAction = CaseAction.ofWireName(action);
            if (filterAction == null) {
                throw new BadRequestException("action: must be one of " + Arrays.stream(CaseAction.values())
                        .map(CaseAction::wireName).collect(Collectors.joining(", ")));
            }
        }
        int pageSize = (int) number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        CaseFilter filter = new CaseFilter(number("target", target, 0, 1, Long.MAX_VALUE), filterAction,
                number("moderator", moderator, 0, 1, Long.MAX_VALUE),
                (int) number("before", before, 0, 1, Integer.MAX_VALUE), pageSize + 1);
        List<CaseJson> page = cases.list(guildId, filter).stream().map(CaseJson::of).toList();
        if (page.size() > pageSize) {
            page = page.subList(0, pageSize);
            return new CasePage(page, page.get(pageSize - 1).number());
        }
        return new CasePage(page, null);
    }

    @GET
    @Path("cases/{number}")
    public CaseJson oneCase(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("number") String number) {
        int wanted = (int) number("number", number, 0, 1, Integer.MAX_VALUE);
        return cases.find(guildId, wanted).map(CaseJson::of)
                .orElseThrow(() -> new NotFoundException("guild " + guildId + " has no case " + wanted));
    }

    @GET
    @Path("warnings/{userId}")
    public Warnings warnings(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("userId") String userId) {
        long user = number("userId", userId, 0, 1, Long.MAX_VALUE);
        Instant now = Instant.now();
        List<Warning> all = warnings.of(guildId, user);
        int active = all.stream().filter(w -> w.activeAt(now)).mapToInt(Warning::points).sum();
        return new Warnings(Long.toString(user), active, all.stream()
                .map(w -> new WarningJson(CaseJson.of(w.warnCase()), w.points(), w.expiresAt(), w.activeAt(now),
                        w.revokedBy() == 0 ? null : w.revokedBy()))
                .toList());
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
