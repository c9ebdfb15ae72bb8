package org.hotcog.tickets.internal.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.tickets.internal.stats.StatsStore;
import org.hotcog.tickets.internal.stats.TicketStats;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketFilter;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.hotcog.tickets.internal.transcript.TranscriptFormat;
import org.hotcog.tickets.internal.transcript.Transcripts;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/tickets/{guildId}/tickets} and {@code .../stats}: a guild's tickets with filters, one ticket, its
 * transcript (HTML or text, written from the archive as it is sent), and the team's figures. Any token of the guild
 * reads them.
 */
@Component(service = TicketsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(TicketsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class TicketsResource {
    static final String PATH = "tickets/{" + HotcogRest.GUILD_PARAMETER + "}";

    /** A page of tickets and how many match in all. */
    public record TicketPage(int total, List<TicketJson> tickets) {
    }

    /** The figures of {@code GET .../stats}: each group's, durations in seconds (null when there is none). */
    public record StatsJson(int days, FiguresJson overall, List<FiguresJson> byCategory, List<FiguresJson> byStaff) {
        static StatsJson of(int days, TicketStats stats) {
            return new StatsJson(days, FiguresJson.of(stats.overall()),
                    stats.byCategory().stream().map(FiguresJson::of).toList(),
                    stats.byStaff().stream().map(FiguresJson::of).toList());
        }
    }

    /**
     * One group's figures.
     *
     * @param key the category's name, the staff member's id, or "all"
     */
    public record FiguresJson(String key, int opened, int closed, Long medianFirstResponseSeconds,
            Long medianResolutionSeconds, Double averageRating, int ratings) {
        static FiguresJson of(TicketStats.Figures f) {
            return new FiguresJson(f.key(), f.opened(), f.closed(), seconds(f.medianFirstResponse()),
                    seconds(f.medianResolution()), f.averageRating(), f.ratings());
        }

        private static Long seconds(Duration duration) {
            return duration == null ? null : duration.toSeconds();
        }
    }

    private final TicketStore tickets;
    private final Transcripts transcripts;
    private final StatsStore stats;
    /** For the guild's name in transcripts and the bot's id in statistics; absent while disconnected. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile DiscordGuilds guilds;

    @Activate
    public TicketsResource(@Reference TicketStore tickets, @Reference Transcripts transcripts,
            @Reference StatsStore stats) {
        this.tickets = tickets;
        this.transcripts = transcripts;
        this.stats = stats;
    }

    @GET
    @Path("tickets")
    public TicketPage list(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @QueryParam("state") String state,
            @QueryParam("openerId") String opener, @QueryParam("categoryId") String category,
            @QueryParam("claimedBy") String claimedBy, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        if (state != null && !state.equals(Ticket.OPEN) && !state.equals(Ticket.CLOSED)) {
            throw new BadRequestException("state: must be open or closed");
        }
        TicketFilter filter = new TicketFilter(state, Params.id("openerId", opener), Params.id("categoryId", category),
                Params.id("claimedBy", claimedBy), Params.number("limit", limit, 1, 100, 25),
                Params.number("offset", offset, 0, Integer.MAX_VALUE, 0));
        return new TicketPage(tickets.count(guildId, filter), tickets.list(guildId, filter).stream()
                .map(t -> TicketJson.of(t, tickets.participants(t.id()))).toList());
    }

    @GET
    @Path("tickets/{ticketId}")
    public TicketJson one(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("ticketId") String ticketId) {
        Ticket ticket = ticket(guildId, ticketId);
        return TicketJson.of(ticket, tickets.participants(ticket.id()));
    }

    /** The transcript, {@code format=html} (the default) or {@code text}; streamed, never whole in memory. */
    @GET
    @Path("tickets/{ticketId}/transcript")
    @Produces({ MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON })
    public Response transcript(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("ticketId") String ticketId, @QueryParam("format") String format) {
        TranscriptFormat chosen = format == null || format.equals("html") ? Transcripts.HTML
                : format.equals("text") ? Transcripts.TEXT : null;
        if (chosen == null) {
            throw new BadRequestException("format: must be html or text");
        }
        Ticket ticket = ticket(guildId, ticketId);
        String guildName = guilds == null ? String.valueOf(guildId) : guilds.find(guildId)
                .map(net.dv8tion.jda.api.entities.Guild::getName).orElse(String.valueOf(guildId));
        StreamingOutput body = out -> transcripts.write(ticket, guildName, chosen,
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        return Response.ok(body, chosen.mediaType()).header("Content-Disposition", "inline; filename=\"ticket-"
                + guildId + "-" + ticket.number() + "." + chosen.extension() + "\"").build();
    }

    @GET
    @Path("stats")
    public StatsJson stats(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @QueryParam("days") String days) {
        int window = Params.number("days", days, 1, 3650, 30);
        DiscordGuilds connected = guilds;
        long botId = connected == null ? 0 : connected.find(guildId).map(g -> g.getSelfMember().getIdLong()).orElse(0L);
        return StatsJson.of(window, stats.stats(guildId, Instant.now().minus(Duration.ofDays(window)), botId));
    }

    private Ticket ticket(long guildId, String ticketId) {
        try {
            return tickets.find(guildId, Long.parseLong(ticketId)).filter(t -> !Ticket.OPENING.equals(t.state()))
                    .orElseThrow(() -> new NotFoundException("guild " + guildId + " has no ticket " + ticketId));
        } catch (NumberFormatException e) {
            throw new NotFoundException("guild " + guildId + " has no ticket " + ticketId);
        }
    }
}
