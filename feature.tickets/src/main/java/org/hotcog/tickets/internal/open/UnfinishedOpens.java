package org.hotcog.tickets.internal.open;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.JobKind;
import org.hotcog.api.jobs.Jobs;
import org.hotcog.tickets.internal.ticket.OpenTickets;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;

/**
 * Finishes what a stopped process left half done: a ticket stored as {@code opening} whose process stopped before
 * the ticket was complete. Its channel is found by the topic the bot gave it (it is then attached) or the reservation
 * is removed. Runs every few minutes as a job, so it runs once however many processes share the database.
 */
@Component
@JobKind(UnfinishedOpens.KIND)
public final class UnfinishedOpens implements JobHandler {
    static final String KIND = "unfinished-opens";
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    /** An open takes seconds; a reservation older than this belongs to a process that stopped. */
    private static final Duration STALE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(UnfinishedOpens.class);

    private final TicketStore tickets;
    private final OpenTickets open;
    private final DiscordGuilds guilds;

    @Activate
    public UnfinishedOpens(@Reference TicketStore tickets, @Reference OpenTickets open,
            @Reference DiscordGuilds guilds, @Reference Jobs jobs) {
        this.tickets = tickets;
        this.open = open;
        this.guilds = guilds;
        jobs.repeat(KIND, "all", Instant.now().plus(STALE), INTERVAL, Map.of());
    }

    @Override
    public void run(Job job) {
        for (Ticket ticket : tickets.unfinished(Instant.now().minus(STALE))) {
            Guild guild = guilds.find(ticket.guildId()).orElse(null);
            if (guild == null) {
                continue;
            }
            String topicStart = "Ticket " + ticket.label() + " · ";
            TextChannel made = ticket.thread() ? null : guild.getTextChannels().stream()
                    .filter(c -> c.getTopic() != null && c.getTopic().startsWith(topicStart)).findFirst().orElse(null);
            if (made != null) {
                tickets.attach(ticket.id(), made.getIdLong());
                open.add(made.getIdLong(), ticket.id());
                LOG.info("Ticket {} of guild {} was left half open; its channel {} is attached now", ticket.label(),
                        ticket.guildId(), made.getId());
            } else {
                tickets.abandon(ticket.id());
                LOG.info("Ticket {} of guild {} was left half open with no channel; it is removed", ticket.label(),
                        ticket.guildId());
            }
        }
    }
}
