package org.hotcog.api.component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Handles clicks on buttons and choices in select menus whose custom id starts with the
 * {@link CustomIdPrefix} of this component. Runs on the core's executor; the core defers (as a
 * message update) when the handler is slow, like for commands.
 */
@ConsumerType
public interface ComponentHandler {
    void handle(ComponentContext ctx) throws Exception;
}
