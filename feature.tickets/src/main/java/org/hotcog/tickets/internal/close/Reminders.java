package org.hotcog.tickets.internal.close;

import java.time.Instant;
import java.util.Map;

import org.hotcog.api.jobs.Jobs;
import org.hotcog.api.settings.GuildSettings;
import org.hotcog.tickets.internal.settings.TicketSettings;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The timers of a silent ticket, as durable jobs of the core: a reminder {@link TicketSettings#STALE_AFTER} after
 * the last message of a member, then an automatic close {@link TicketSettings#AUTO_CLOSE_AFTER} after the reminder.
 * Every member's message starts over; the jobs survive restarts and run once, in the process that runs the guild.
 */
@Component(service = Reminders.class)
public final class Reminders {
    public static final String STALE = "stale";
    public static final String AUTO_CLOSE = "auto-close";
    /** Payload of an auto-close: when its reminder was posted. */
    static final String REMINDED_AT = "remindedAt";

    private final Jobs jobs;
    private final GuildSettings settings;

    @Activate
    public Reminders(@Reference Jobs jobs, @Reference GuildSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    /** A member wrote in the ticket (or opened it): the reminder moves, a pending auto-close is off. */
    public void activity(Ticket ticket) {
        Jobs guildJobs = jobs.forGuild(ticket.guildId());
        String key = key(ticket);
        guildJobs.cancel(AUTO_CLOSE, key);
        long staleAfter = settings.get(ticket.guildId(), TicketSettings.STALE_AFTER);
        if (staleAfter > 0) {
            guildJobs.schedule(STALE, key, Instant.now().plusSeconds(staleAfter));
        } else {
            guildJobs.cancel(STALE, key);
        }
    }

    /** The reminder was posted: the ticket closes itself later unless a member writes. */
    void reminded(Ticket ticket, Instant at) {
        long autoCloseAfter = settings.get(ticket.guildId(), TicketSettings.AUTO_CLOSE_AFTER);
        if (autoCloseAfter > 0) {
            jobs.forGuild(ticket.guildId()).schedule(AUTO_CLOSE, key(ticket), at.plusSeconds(autoCloseAfter),
                    Map.of(REMINDED_AT, at.toString()));
        }
    }

    /** The ticket closed: no timer of it runs any more. */
    public void cancel(Ticket ticket) {
        jobs.cancel(STALE, key(ticket));
        jobs.cancel(AUTO_CLOSE, key(ticket));
    }

    static String key(Ticket ticket) {
        return String.valueOf(ticket.id());
    }
}
