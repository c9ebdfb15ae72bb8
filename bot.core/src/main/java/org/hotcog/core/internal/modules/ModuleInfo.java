package org.hotcog.core.internal.modules;

/**
 * A bundle as operators see it.
 *
 * @param id the framework's bundle id
 * @param symbolicName the bundle symbolic name
 * @param name the human name from the manifest
 * @param version the bundle version
 * @param state INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING or UNINSTALLED
 * @param kind {@code feature} for a Hotcog module, {@code library} for another bundle installed as a
 *     module, {@code core} for the bundles that keep the bot running (they cannot be stopped)
 * @param module the module's short name, null for core bundles
 */
public record ModuleInfo(long id, String symbolicName, String name, String version, String state, String kind,
        String module) {
}
