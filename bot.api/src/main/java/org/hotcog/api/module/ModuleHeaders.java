package org.hotcog.api.module;

/**
 * Manifest headers that a feature bundle declares in its {@code bnd.bnd}.
 *
 * {@snippet :
 * Hotcog-Module: economy
 * }
 */
public final class ModuleHeaders {
    /**
     * The module's short name, lower case, used in commands, REST paths and logs. A bundle with
     * this header is a feature: operators may stop, update and remove it. A bundle without it is
     * part of the core or a library.
     */
    public static final String MODULE = "Hotcog-Module";

    private ModuleHeaders() {
    }
}
