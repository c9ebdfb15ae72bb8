package org.hotcog.api.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The listener acts only on messages people write: the core does not hand it a message posted or
 * edited by a bot (this bot's own answers included), a webhook or Discord's system user, so its
 * thread is not woken for them. Most message listeners want this: an XP counter, an automod, a
 * chat assistant. A transcript that keeps the bot's own messages does not. Service property
 * {@code hotcog.people.only}.
 *
 * {@snippet :
 * @Component(service = EventListener.class)
 * @GatewayIntents({ GatewayIntent.GUILD_MESSAGES })
 * @PeopleOnly
 * public final class XpListener extends ListenerAdapter { ... }
 * }
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PeopleOnly {
    /** Prefix of the service property name. */
    String PREFIX_ = "hotcog.";
}
