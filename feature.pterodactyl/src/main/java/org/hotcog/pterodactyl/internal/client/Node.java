package org.hotcog.pterodactyl.internal.client;

/**
 * A node from the Application API.
 *
 * @param fqdn the host name Wings answers on
 * @param location the name of the node's location, or null when the panel gave none
 * @param maintenanceMode whether the node is under maintenance
 */
public record Node(int id, String uuid, String name, String fqdn, String scheme, String location,
        boolean maintenanceMode, long memoryMb, long diskMb) {

    /**
     * An allocation of a node from the Application API.
     *
     * @param alias the public alias of the IP, or null
     * @param assigned whether a server uses it
     */
    public record NodeAllocation(int id, String ip, String alias, int port, boolean assigned) {
        /** {@code host:port}, with the alias as host when there is one. */
        public String address() {
            return (alias == null || alias.isBlank() ? ip : alias) + ":" + port;
        }
    }

    /** Where a server runs: its node's id and its default allocation's id. */
    public record Placement(int nodeId, int allocationId) {
    }
}
