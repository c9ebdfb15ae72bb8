package org.hotcog.pterodactyl.internal.client;

/**
 * A server's state and resource use, from {@code /resources} or from a websocket {@code stats} event.
 *
 * @param state the process state as the panel says it: {@code offline}, {@code starting}, {@code running} or
 *     {@code stopping}
 * @param cpuAbsolute CPU in percent of one thread (200 is two threads busy)
 * @param memoryBytes memory in use
 * @param memoryLimitBytes the container's memory limit, or 0 when the source does not say ({@code /resources})
 * @param diskBytes disk in use
 * @param networkRxBytes bytes received since the server started
 * @param networkTxBytes bytes sent since the server started
 * @param uptimeMillis milliseconds since the server started, 0 when offline
 */
public record Usage(String state, double cpuAbsolute, long memoryBytes, long memoryLimitBytes, long diskBytes,
        long networkRxBytes, long networkTxBytes, long uptimeMillis) {
}
