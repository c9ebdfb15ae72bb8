package org.hotcog.core.internal.registry;

import java.util.List;

import org.osgi.service.component.annotations.Component;

/**
 * A read-only snapshot of the registered slash commands, for the commands that list commands
 * ({@code /help}). The registry publishes into it; readers depend on this rather than on the
 * registry, which binds them and so cannot be their dependency too.
 */
@Component(service = CommandCatalog.class)
public final class CommandCatalog {
    private volatile List<Route> slashCommands = List.of();

    void publish(List<Route> slashCommands) {
        this.slashCommands = List.copyOf(slashCommands);
    }

    /** The slash commands registered now. */
    public List<Route> slashCommands() {
        return slashCommands;
    }
}
