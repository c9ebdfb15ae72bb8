package org.hotcog.tickets.internal.close;

import java.time.Duration;
import java.time.Instant;

import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.api.jobs.Job;
import org.hotcog.api.jobs.JobHandler;
import org.hotcog.api.jobs.JobKind;
import org.hotcog.tickets.internal.store.Durations;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.hotcog.tickets.internal.ticket.TicketStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Guild;

/**
 * Closes a ticket that stayed silent after its reminder. A member's message cancels this job; the check of the last
 * message covers one that arrived while the job was already starting.
 */
@Component
@JobKind(Reminders.AUTO_CLOSE)
public final class AutoCloseJob implements JobHandler {
    private final TicketStore tickets;
    private final TicketCloser closer;
    private final DiscordGuilds guilds;

    @Activate
    public AutoCloseJob(@Reference TicketStore tickets, @Reference TicketCloser closer,
            @Reference DiscordGuilds guilds) {
        this.tickets = tickets;
        this.closer = closer;
        this.guilds = guilds;
    }

    @Override
    public void run(Job job) {
        TicketJob target = TicketJob.of(job, tickets, guilds).orElse(null);
        if (target == null) {
            return;
        }
        Ticket ticket = target.ticket();
        Guild guild = target.guild();
        Instant remindedAt = Instant.parse(job.data().getOrDefault(Reminders.REMINDED_AT, ticket.lastMessageAt()
                .toString()));
        Duration silent = Duration.between(ticket.lastMessageAt(), Instant.now());
        // the reminder itself is the bot's message and does not count as activity; a member's later message does
        if (ticket.lastMessageAt().isAfter(remindedAt)) {
            return;
        }
        closer.close(guild, ticket, guild.getSelfMember().getIdLong(),
                "Closed automatically after " + Durations.describe(silent) + " without a message");
    }
}
