package org.hotcog.api.gateway;

/**
 * A listener that acts only on some channels' events: the core asks it before handing it an event of a channel (a
 * message, its edit, reactions or deletion, a bulk deletion, the channel's own update or deletion), and does not wake
 * its thread for a channel it does not watch. A ticket transcript that keeps the messages of ticket channels wants
 * this: without it, every message the bot sends anywhere, one for each interaction it answers, wakes its thread.
 *
 * {@snippet :
 * @Component(service = EventListener.class)
 * @GatewayIntents({ GatewayIntent.GUILD_MESSAGES })
 * public final class Archiver extends ListenerAdapter implements ChannelScoped {
 *     public boolean watches(long channelId) {
 *         return openTickets.containsKey(channelId);
 *     }
 *     ...
 * }
 * }
 *
 * @since 1.3
 */
public interface ChannelScoped {

    /**
     * Whether the listener acts on events of this channel. Asked on the gateway's thread for each event of a channel
     * the listener has a method for: answer from memory, at once, without blocking. An exception counts as yes.
     *
     * @param channelId the channel's (or thread's) id
     * @return whether to hand the listener the event
     */
    boolean watches(long channelId);
}
