/**
 * Gateway events (a member joins, a message is posted, a reaction is added…) for features.
 *
 * <p>Register a JDA {@link net.dv8tion.jda.api.hooks.EventListener} (for example a subclass of
 * {@link net.dv8tion.jda.api.hooks.ListenerAdapter}) as a service and declare the
 * {@link GatewayIntents} it needs. The core delivers events to each listener in order, on a
 * thread of its own, never on JDA's gateway thread: a slow listener delays only itself. A
 * ListenerAdapter gets only the events of the {@code on…} methods it overrides (all of them if it
 * overrides {@code onGenericEvent}); any other EventListener gets every event. A listener marked
 * {@link PeopleOnly} is not handed messages from bots, webhooks or Discord's system user, and one that is
 * {@link ChannelScoped} is handed the events of the channels it watches only. The gateway
 * intents of the connection are the union of those the active listeners declare.
 * Interaction events are not delivered here: they go to command and component handlers.
 */
@Export
@Version("1.3.0")
package org.hotcog.api.gateway;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
