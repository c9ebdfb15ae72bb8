package org.hotcog.emulator.pterodactyl;

import java.util.Locale;

/** A game server's process state, as Wings reports it in {@code status} events and the panel in {@code current_state}. */
public enum PowerState {
    OFFLINE, STARTING, RUNNING, STOPPING;

    /** The wire form: {@code offline}, {@code starting}, {@code running} or {@code stopping}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
