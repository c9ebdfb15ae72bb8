package org.hotcog.api.economy;

/**
 * Event Admin topics of the economy module and the keys of their properties. Values are strings,
 * numbers and booleans only; Discord ids are {@code long}.
 *
 * {@snippet :
 * @Component
 * @EventTopics(EconomyTopics.COINS_EARNED)
 * public final class XpFromCoins implements EventHandler {
 *     @Override
 *     public void handleEvent(Event event) {
 *         long guild = (Long) event.getProperty(EconomyTopics.GUILD_ID);
 *         long user = (Long) event.getProperty(EconomyTopics.USER_ID);
 *         long coins = (Long) event.getProperty(EconomyTopics.AMOUNT);
 *         ...
 *     }
 * }
 * }
 */
public final class EconomyTopics {
    /**
     * A member received coins: a daily claim, a payment from another member, a grant by an admin,
     * a game won. Posted once per change, after it is committed. Properties:
     * <ul>
     * <li>{@link #GUILD_ID} ({@code long}): the guild where it happened</li>
     * <li>{@link #USER_ID} ({@code long}): who received the coins</li>
     * <li>{@link #AMOUNT} ({@code long}): how many, always positive</li>
     * <li>{@link #SOURCE} ({@code String}): {@code daily}, {@code transfer}, {@code admin} or
     * {@code game}</li>
     * </ul>
     */
    public static final String COINS_EARNED = "bot/economy/COINS_EARNED";

    /** The guild's id ({@code long}). */
    public static final String GUILD_ID = "guild.id";
    /** The member's user id ({@code long}). */
    public static final String USER_ID = "user.id";
    /** The number of coins ({@code long}). */
    public static final String AMOUNT = "coins.amount";
    /** Where the coins came from ({@code String}). */
    public static final String SOURCE = "coins.source";

    private EconomyTopics() {
    }
}
