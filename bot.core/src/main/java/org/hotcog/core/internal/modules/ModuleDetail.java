package org.hotcog.core.internal.modules;

import java.util.List;

/**
 * One module with everything an operator looks for before changing it.
 *
 * @param module the summary, as in the list
 * @param previousVersion the version a rollback would go back to, or null
 * @param commands the Discord commands it registers, such as {@code /warn} or {@code user: Report}
 * @param restPaths its REST endpoints, such as {@code GET /api/economy/{guildId}/balance}
 * @param services the service interfaces it offers
 * @param problems components that failed or wait for something, one sentence each
 */
public record ModuleDetail(ModuleInfo module, String previousVersion, List<String> commands, List<String> restPaths,
        List<String> services, List<String> problems) {
}
