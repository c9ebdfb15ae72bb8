package org.hotcog.core.internal.registry;

/** Told about changes of the registry: the dispatcher resumes waiting interactions, the sync writes commands. */
public interface RegistryListener {
    /** A handler arrived (a module started, or a new version of it). */
    default void routeAdded(Route route) {
    }

    /** The set of application commands changed. */
    default void commandsChanged() {
    }
}
