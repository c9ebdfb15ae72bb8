package org.hotcog.ai.internal.rest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hotcog.ai.internal.usage.UsageStore;
import org.hotcog.api.rest.HotcogRest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/ai/{guildId}/usage?user=&provider=&model=&from=&to=&limit=}: the sums of the guild's AI calls that
 * match (requests, tokens as reported, estimated cost) and the newest of them (who, where, provider, model, tokens,
 * latency, outcome, cost, when; never a question or an answer).
 */
@Component(service = UsageResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(AiSettingsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class UsageResource {
    static final int MAX_ROWS = 500;

    /** One call; ids as strings, as JSON numbers cannot hold every Discord id. */
    public record EntryJson(String id, String userId, String channelId, String provider, String model,
            int promptTokens, int completionTokens, int latencyMs, String outcome, long costMicros, Instant createdAt) {
        static EntryJson of(UsageStore.Entry entry) {
            return new EntryJson(Long.toString(entry.id()), Long.toString(entry.userId()),
                    Long.toString(entry.channelId()), entry.provider(), entry.model(), entry.promptTokens(),
                    entry.completionTokens(), entry.latencyMillis(), entry.outcome(), entry.costMicros(),
                    entry.createdAt());
        }
    }

    /** The sums over every matching call, and the newest calls, newest first. */
    public record UsageJson(long requests, long promptTokens, long completionTokens, long costMicros,
            List<EntryJson> calls) {
    }

    private final UsageStore usage;

    @Activate
    public UsageResource(@Reference UsageStore usage) {
        this.usage = usage;
    }

    @GET
    @Path("usage")
    public UsageJson usage(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @QueryParam("user") String user,
            @QueryParam("provider") String provider, @QueryParam("model") String model,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("limit") String limit)
            throws SQLException {
        Instant start = Ids.time("from", from);
        Instant end = Ids.time("to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new BadRequestException("from: must be before to");
        }
        int rows = 50;
        if (limit != null && !limit.isBlank()) {
            try {
                rows = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                rows = -1;
            }
            if (rows < 0 || rows > MAX_ROWS) {
                throw new BadRequestException("limit: must be a whole number from 0 to " + MAX_ROWS);
            }
        }
        UsageStore.Report report = usage.report(guildId, new UsageStore.Filter(Ids.optionalId("user", user),
                blankToNull(provider), blankToNull(model), start, end), rows);
        return new UsageJson(report.totals().requests(), report.totals().promptTokens(),
                report.totals().completionTokens(), report.totals().costMicros(),
                report.entries().stream().map(EntryJson::of).toList());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
