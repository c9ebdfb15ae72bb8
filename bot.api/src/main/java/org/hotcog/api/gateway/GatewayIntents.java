package org.hotcog.api.gateway;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

import net.dv8tion.jda.api.requests.GatewayIntent;

/**
 * The gateway intents an event listener needs, such as {@code GUILD_MESSAGES} and
 * {@code MESSAGE_CONTENT} for an automod. Service property {@code hotcog.gateway.intents}.
 *
 * {@snippet :
 * @Component(service = EventListener.class)
 * @GatewayIntents({ GatewayIntent.GUILD_MEMBERS })
 * public final class WelcomeListener extends ListenerAdapter { ... }
 * }
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface GatewayIntents {
    /** Prefix of the service property name. */
    String PREFIX_ = "hotcog.";

    GatewayIntent[] value();
}
