package org.hotcog.pterodactyl.internal.client;

import java.util.Locale;

/** The power signals of {@code POST /api/client/servers/{id}/power}. */
public enum PowerSignal {
    START, STOP, RESTART, KILL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
