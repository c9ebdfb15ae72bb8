package org.hotcog.pterodactyl.internal.client;

import java.util.List;
import java.util.Optional;

/**
 * A server as the Client API describes it.
 *
 * @param identifier the short id used in Client API paths
 * @param uuid the full UUID (the websocket path uses it)
 * @param internalId the panel's numeric id
 * @param name the server's name
 * @param node the node's name
 * @param limits the build limits
 * @param allocations the server's addresses, the default one first when the panel marks one
 * @param suspended whether the panel suspended it
 * @param installing whether it is being installed
 */
public record PanelServerInfo(String identifier, String uuid, int internalId, String name, String node, Limits limits,
        List<Allocation> allocations, boolean suspended, boolean installing) {

    /**
     * @param memoryMb memory in MiB, 0 for unlimited
     * @param diskMb disk in MiB, 0 for unlimited
     * @param cpuPercent CPU in percent of one thread (200 is two vCPUs), 0 for unlimited
     */
    public record Limits(long memoryMb, long swapMb, long diskMb, long io, long cpuPercent) {
    }

    /** An address; the alias is shown instead of the IP when the panel has one. */
    public record Allocation(String ip, String alias, int port, boolean isDefault) {
        /** {@code host:port}, with the alias as host when there is one. */
        public String address() {
            return (alias == null || alias.isBlank() ? ip : alias) + ":" + port;
        }
    }

    /** The default allocation, or the first one. */
    public Optional<Allocation> defaultAllocation() {
        return allocations.stream().filter(Allocation::isDefault).findFirst()
                .or(() -> allocations.stream().findFirst());
    }
}
