package org.hotcog.tickets.internal.close;

import java.util.Optional;

import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.api.jobs.Job;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;

import net.dv8tion.jda.api.entities.Guild;

/**
 * What a ticket's timer works on: the ticket named by the job's key, if it is still open, and its guild.
 *
 * @param ticket the open ticket
 * @param guild its guild, from this process's connection
 */
record TicketJob(Ticket ticket, Guild guild) {
    /**
     * The job's open ticket and its guild; empty when the ticket closed meanwhile (the job then has nothing to do).
     *
     * @throws IllegalStateException while the guild is not connected: the core tries the job again later
     */
    static Optional<TicketJob> of(Job job, TicketStore tickets, DiscordGuilds guilds) {
        return tickets.find(Long.parseLong(job.key())).filter(Ticket::isOpen).map(ticket -> new TicketJob(ticket,
                guilds.find(ticket.guildId()).orElseThrow(
                        () -> new IllegalStateException("guild " + ticket.guildId() + " is not connected"))));
    }
}
