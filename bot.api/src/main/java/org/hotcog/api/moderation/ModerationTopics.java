package org.hotcog.api.moderation;

/**
 * Event Admin topics of the moderation module and the keys of their properties. Values are
 * strings, numbers and booleans only; Discord ids are {@code long}.
 *
 * {@snippet :
 * @Component
 * @EventTopics(ModerationTopics.CASE_CREATED)
 * public final class ForgetBannedMembers implements EventHandler {
 *     @Override
 *     public void handleEvent(Event event) {
 *         if ("ban".equals(event.getProperty(ModerationTopics.ACTION))) {
 *             long guild = (Long) event.getProperty(ModerationTopics.GUILD_ID);
 *             long user = (Long) event.getProperty(ModerationTopics.TARGET_ID);
 *             ...
 *         }
 *     }
 * }
 * }
 */
public final class ModerationTopics {
    /**
     * A moderation case was recorded: a manual action from a command or an automatic one
     * (escalation, automod, raid guard). Posted once per case, after it is stored. Properties:
     * <ul>
     * <li>{@link #GUILD_ID} ({@code long})</li>
     * <li>{@link #CASE_NUMBER} ({@code int}): the case's number within its guild, from 1</li>
     * <li>{@link #ACTION} ({@code String}): {@code kick}, {@code ban}, {@code unban}, {@code softban},
     * {@code timeout}, {@code untimeout}, {@code warn}, {@code unwarn}, {@code delete} (a message the
     * automod removed), {@code purge}, {@code slowmode}, {@code lock} or {@code unlock}</li>
     * <li>{@link #TARGET_ID} ({@code long}): the user acted on; the channel for {@code purge},
     * {@code slowmode}, {@code lock} and {@code unlock}</li>
     * <li>{@link #MODERATOR_ID} ({@code long}): who acted; the bot's own id for automatic actions</li>
     * <li>{@link #AUTOMATIC} ({@code boolean}): whether the bot acted on its own</li>
     * <li>{@link #REASON} ({@code String}): the reason, absent when none was given</li>
     * <li>{@link #DURATION_SECONDS} ({@code long}): for timeouts and temporary bans, absent otherwise</li>
     * </ul>
     */
    public static final String CASE_CREATED = "bot/moderation/CASE_CREATED";

    /** The guild's id ({@code long}). */
    public static final String GUILD_ID = "guild.id";
    /** The case's number within its guild ({@code int}). */
    public static final String CASE_NUMBER = "case.number";
    /** The action, lower case ({@code String}). */
    public static final String ACTION = "case.action";
    /** The user acted on, or the channel of a channel action ({@code long}). */
    public static final String TARGET_ID = "target.id";
    /** The moderator ({@code long}). */
    public static final String MODERATOR_ID = "moderator.id";
    /** Whether the bot acted on its own ({@code boolean}). */
    public static final String AUTOMATIC = "case.automatic";
    /** The reason ({@code String}), absent when none was given. */
    public static final String REASON = "case.reason";
    /** The duration in seconds ({@code long}), absent for actions without one. */
    public static final String DURATION_SECONDS = "case.duration.seconds";

    private ModerationTopics() {
    }
}
