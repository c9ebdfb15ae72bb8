package org.hotcog.api.pterodactyl;

/**
 * Event Admin topics of the Pterodactyl module and the keys of their properties. Each is posted once per action,
 * after the panel answered and the action was written to the module's audit table, whether the panel carried it
 * out or refused it ({@link #OUTCOME} says which). Values are strings, numbers and booleans only; Discord ids are
 * {@code long}. Every event carries {@link #GUILD_ID}, {@link #USER_ID}, {@link #PANEL}, {@link #SERVER_ID},
 * {@link #SERVER_NAME}, {@link #MEMBER_KEY} and {@link #OUTCOME}. No event carries a key.
 *
 * {@snippet :
 * @Component
 * @EventTopics(PterodactylTopics.POWER)
 * public final class StopAlerts implements EventHandler {
 *     @Override
 *     public void handleEvent(Event event) {
 *         if ("kill".equals(event.getProperty(PterodactylTopics.SIGNAL))) {
 *             long who = (Long) event.getProperty(PterodactylTopics.USER_ID);
 *             ...
 *         }
 *     }
 * }
 * }
 */
public final class PterodactylTopics {
    /** A power signal was sent to a server; {@link #SIGNAL} names it. */
    public static final String POWER = "bot/pterodactyl/POWER";

    /** A console command was sent to a server; {@link #COMMAND_TEXT} is its text. */
    public static final String COMMAND = "bot/pterodactyl/COMMAND";

    /** The guild the member acted in ({@code long}). */
    public static final String GUILD_ID = "guild.id";

    /** The member who acted ({@code long}). */
    public static final String USER_ID = "user.id";

    /** The panel's configured name ({@code String}). */
    public static final String PANEL = "panel.name";

    /** The server's identifier on its panel ({@code String}). */
    public static final String SERVER_ID = "server.id";

    /** The server's name ({@code String}). */
    public static final String SERVER_NAME = "server.name";

    /** The signal: {@code start}, {@code stop}, {@code restart} or {@code kill} ({@code String}). */
    public static final String SIGNAL = "power.signal";

    /** The console command as sent ({@code String}). */
    public static final String COMMAND_TEXT = "command.text";

    /** Whether the member's own linked key was used rather than the panel's ({@code boolean}). */
    public static final String MEMBER_KEY = "member.key";

    /**
     * How it ended ({@code String}): {@code ok}, or the failure: {@code unauthorized}, {@code forbidden},
     * {@code not-found}, {@code rate-limited}, {@code server-offline}, {@code rejected}, {@code unavailable},
     * {@code bad-response}.
     */
    public static final String OUTCOME = "outcome";

    private PterodactylTopics() {
    }
}
