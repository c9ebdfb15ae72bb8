package org.hotcog.pterodactyl.internal.client;

/**
 * A node from the Application API.
 *
 * @param fqdn the host name Wings answers on
 * @param maintenanceMode whether the node is under maintenance
 */
public record Node(int id, String uuid, String name, String fqdn, String scheme, boolean maintenanceMode,
        long memoryMb, long diskMb) {

    /**
     * An allocation of a node from the Application API.
     *
     * @param alias the public alias of the IP, or null
     * @param assigned whether a server uses it
     */
    public record NodeAllocation(int id, String ip, String alias, int port, boolean assigned) {
    }
}
