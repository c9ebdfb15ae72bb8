package org.hotcog.tickets.internal.ticket;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Which channels are tickets, so that the archive looks at the database only for messages of tickets, not for every
 * message of every guild. Loaded from the database when the module starts and kept up to date by the open and the
 * close; a guild's events all come to the one process that runs its shard, the one that opens its tickets.
 */
@Component(service = OpenTickets.class)
public final class OpenTickets {
    private final Map<Long, Long> ticketByChannel = new ConcurrentHashMap<>();

    @Activate
    public OpenTickets(@Reference TicketStore store) {
        for (long[] channelAndTicket : store.openChannels()) {
            ticketByChannel.put(channelAndTicket[0], channelAndTicket[1]);
        }
    }

    public void add(long channelId, long ticketId) {
        ticketByChannel.put(channelId, ticketId);
    }

    /** The channel is gone: its messages no longer need archiving. */
    public void remove(long channelId) {
        ticketByChannel.remove(channelId);
    }

    public OptionalLong ticketOf(long channelId) {
        Long ticket = ticketByChannel.get(channelId);
        return ticket == null ? OptionalLong.empty() : OptionalLong.of(ticket);
    }
}
