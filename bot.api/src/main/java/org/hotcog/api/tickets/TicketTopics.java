package org.hotcog.api.tickets;

/**
 * Event Admin topics of the tickets module and the keys of their properties. Each is posted once,
 * after the change is committed. Values are strings, numbers and booleans only; Discord ids are
 * {@code long}. Every event carries {@link #GUILD_ID}, {@link #TICKET_ID}, {@link #NUMBER},
 * {@link #CATEGORY_ID}, {@link #CATEGORY_NAME}, {@link #OPENER_ID} and {@link #CHANNEL_ID}.
 *
 * {@snippet :
 * @Component
 * @EventTopics(TicketTopics.CLOSED)
 * public final class HelperPoints implements EventHandler {
 *     @Override
 *     public void handleEvent(Event event) {
 *         long staff = (Long) event.getProperty(TicketTopics.STAFF_ID);
 *         ...
 *     }
 * }
 * }
 */
public final class TicketTopics {
    /** A ticket was opened; {@link #STAFF_ID} is absent. */
    public static final String OPENED = "bot/tickets/OPENED";
    /**
     * A staff member took a ticket: by {@code /claim}, or as the new holder of a {@code /transfer};
     * {@link #STAFF_ID} is who holds it now.
     */
    public static final String CLAIMED = "bot/tickets/CLAIMED";
    /**
     * A ticket was closed: {@link #STAFF_ID} is who closed it (the bot's own id for an automatic
     * close after inactivity), {@link #REASON} why (empty if no reason was given).
     */
    public static final String CLOSED = "bot/tickets/CLOSED";

    /** The guild's id ({@code long}). */
    public static final String GUILD_ID = "guild.id";
    /** The ticket's id, unique across guilds, as the REST API names it ({@code long}). */
    public static final String TICKET_ID = "ticket.id";
    /** The ticket's number in its guild, as members see it: {@code #12} ({@code int}). */
    public static final String NUMBER = "ticket.number";
    /** The ticket category's id ({@code long}). */
    public static final String CATEGORY_ID = "category.id";
    /** The ticket category's name ({@code String}). */
    public static final String CATEGORY_NAME = "category.name";
    /** Who opened the ticket ({@code long}). */
    public static final String OPENER_ID = "user.id";
    /** The ticket's channel or thread ({@code long}). */
    public static final String CHANNEL_ID = "channel.id";
    /** The staff member of a claim or a close ({@code long}). */
    public static final String STAFF_ID = "staff.id";
    /** Why a ticket was closed ({@code String}). */
    public static final String REASON = "close.reason";

    private TicketTopics() {
    }
}
