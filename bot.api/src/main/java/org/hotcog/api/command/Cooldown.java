package org.hotcog.api.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * How often a command may run. Put it on the command's component class; the core refuses a run
 * that comes too soon with the time left ("Try again in 4 s."), without calling the handler.
 *
 * {@snippet :
 * @Component
 * @Cooldown(seconds = 86_400, per = Cooldown.Scope.USER)
 * public final class DailyCommand implements SlashCommand { ... }
 * }
 *
 * <p>Service properties: {@code hotcog.cooldown.seconds} (int), {@code hotcog.cooldown.per}
 * (USER, GUILD or CHANNEL).
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Cooldown {
    /** Prefix of the service property names. */
    String PREFIX_ = "hotcog.cooldown.";

    /** Seconds between two runs. */
    int seconds();

    /** Who shares one cooldown. */
    Scope per() default Scope.USER;

    /** Who shares one cooldown: each user, each guild, or each channel. */
    enum Scope {
        USER, GUILD, CHANNEL
    }
}
