package org.hotcog.levels.internal.listen;

import org.hotcog.api.economy.EconomyTopics;
import org.hotcog.api.gateway.DiscordGuilds;
import org.hotcog.levels.internal.rewards.LevelUps;
import org.hotcog.levels.internal.settings.LevelSettings;
import org.hotcog.levels.internal.settings.SettingsStore;
import org.hotcog.levels.internal.xp.XpStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.osgi.service.event.propertytypes.EventTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * XP for coins earned in the economy, heard on {@link EconomyTopics#COINS_EARNED}: by default 1 XP
 * per 10 coins, at most 100 an event. Knows the economy by its topic only, so either bundle works
 * while the other is stopped. A level-up from coins is announced in the configured channel only:
 * it has no message to answer.
 */
@Component
@EventTopics(EconomyTopics.COINS_EARNED)
public final class CoinXpHandler implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CoinXpHandler.class);

    private final XpStore store;
    private final SettingsStore settings;
    private final LevelUps levelUps;
    private final DiscordGuilds guilds;

    /**
     * {@code guilds} is optional (null while the bot is not connected) so that XP is still stored
     * then; GREEDY rebuilds this component when the connection comes up.
     */
    @Activate
    public CoinXpHandler(@Reference XpStore store, @Reference SettingsStore settings, @Reference LevelUps levelUps,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
            DiscordGuilds guilds) {
        this.store = store;
        this.settings = settings;
        this.levelUps = levelUps;
        this.guilds = guilds;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(EconomyTopics.GUILD_ID) instanceof Long guildId)
                || !(event.getProperty(EconomyTopics.USER_ID) instanceof Long userId)
                || !(event.getProperty(EconomyTopics.AMOUNT) instanceof Long coins)) {
            LOG.warn("Ignoring a {} event without a long {}, {} and {}: {}", EconomyTopics.COINS_EARNED,
                    EconomyTopics.GUILD_ID, EconomyTopics.USER_ID, EconomyTopics.AMOUNT, event);
            return;
        }
        LevelSettings s = settings.get(guildId);
        long xp = s.xpForCoins(coins);
        if (xp <= 0) {
            return;
        }
        XpStore.Gain gain = store.add(guildId, userId, xp);
        if (gain.levelledUp() && guilds != null) {
            guilds.find(guildId).ifPresent(guild -> guild.retrieveMemberById(userId).queue(
                    member -> levelUps.levelledUp(member, gain, null),
                    failure -> LOG.warn("Member {} of guild {} reached level {} but could not be looked up: {}", userId,
                            guildId, gain.levelAfter(), failure.toString())));
        }
    }
}
