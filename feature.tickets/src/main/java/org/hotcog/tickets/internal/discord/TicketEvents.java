package org.hotcog.tickets.internal.discord;

import java.util.HashMap;
import java.util.Map;

import org.hotcog.api.tickets.TicketTopics;
import org.hotcog.tickets.internal.ticket.Ticket;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts the module's Event Admin events ({@link TicketTopics}) after the change they report is committed. */
@Component(service = TicketEvents.class)
public final class TicketEvents {
    private final EventAdmin events;

    @Activate
    public TicketEvents(@Reference EventAdmin events) {
        this.events = events;
    }

    public void opened(Ticket ticket) {
        events.postEvent(new Event(TicketTopics.OPENED, properties(ticket)));
    }

    public void claimed(Ticket ticket, long staffId) {
        Map<String, Object> properties = properties(ticket);
        properties.put(TicketTopics.STAFF_ID, staffId);
        events.postEvent(new Event(TicketTopics.CLAIMED, properties));
    }

    public void closed(Ticket ticket, long staffId, String reason) {
        Map<String, Object> properties = properties(ticket);
        properties.put(TicketTopics.STAFF_ID, staffId);
        properties.put(TicketTopics.REASON, reason);
        events.postEvent(new Event(TicketTopics.CLOSED, properties));
    }

    private static Map<String, Object> properties(Ticket ticket) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(TicketTopics.GUILD_ID, ticket.guildId());
        properties.put(TicketTopics.TICKET_ID, ticket.id());
        properties.put(TicketTopics.NUMBER, ticket.number());
        properties.put(TicketTopics.CATEGORY_ID, ticket.categoryId());
        properties.put(TicketTopics.CATEGORY_NAME, ticket.categoryName());
        properties.put(TicketTopics.OPENER_ID, ticket.openerId());
        properties.put(TicketTopics.CHANNEL_ID, ticket.channelId());
        return properties;
    }
}
