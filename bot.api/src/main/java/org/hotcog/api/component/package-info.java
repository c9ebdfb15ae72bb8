/**
 * Buttons, select menus and modals, routed by the prefix of their custom id.
 *
 * <p>A bundle claims a prefix such as {@code tickets:} with one {@link ComponentHandler} or
 * {@link ModalHandler} component; every button, menu or modal whose custom id starts with the
 * prefix goes to that handler. A prefix belongs to one handler: a second claim of the same or an
 * overlapping prefix is refused with a log line naming both bundles. Put state that must survive
 * a restart or an update in the custom id or in the database, never in memory.
 *
 * {@snippet :
 * @Component
 * @CustomIdPrefix("tickets:open:")
 * public final class OpenTicketButton implements ComponentHandler {
 *     @Override
 *     public void handle(ComponentContext ctx) {
 *         long category = Long.parseLong(ctx.customIdSuffix());
 *         ...
 *     }
 * }
 * }
 */
@Export
@Version("1.0.0")
package org.hotcog.api.component;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
