package org.hotcog.core.internal.registry;

import java.time.Duration;

import org.hotcog.api.command.Cooldown;

/**
 * Where one command name or custom-id prefix leads: the handler object of the module that
 * registered it, with what the dispatcher must know before calling it.
 *
 * @param kind what sort of handler
 * @param key the command name, or the custom-id prefix
 * @param module the owning module's name, as in {@code /help}
 * @param handler the service object ({@code SlashCommand}, {@code ComponentHandler}, ...)
 * @param cooldown how often it may run, or null
 * @param cooldownScope who shares the cooldown
 */
public record Route(Kind kind, String key, String module, Object handler, Duration cooldown,
        Cooldown.Scope cooldownScope, InFlight inFlight) {

    /** The five kinds of interaction handlers. */
    public enum Kind {
        SLASH, USER, MESSAGE, COMPONENT, MODAL;

        public boolean isCommand() {
            return this == SLASH || this == USER || this == MESSAGE;
        }
    }
}
