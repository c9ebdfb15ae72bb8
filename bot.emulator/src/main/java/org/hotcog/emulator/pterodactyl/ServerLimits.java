package org.hotcog.emulator.pterodactyl;

/**
 * A server's build limits, as the panel stores them and shows them under {@code limits}.
 *
 * @param memoryMb memory in MiB (0: unlimited)
 * @param swapMb swap in MiB (-1: unlimited)
 * @param diskMb disk in MiB (0: unlimited)
 * @param io block IO weight, 10 to 1000
 * @param cpuPercent CPU in percent of one thread: 200 is two vCPUs (0: unlimited)
 */
public record ServerLimits(int memoryMb, int swapMb, int diskMb, int io, int cpuPercent) {
    public ServerLimits {
        if (memoryMb < 0 || diskMb < 0 || cpuPercent < 0 || swapMb < -1 || io < 10 || io > 1000) {
            throw new IllegalArgumentException("invalid limits " + memoryMb + "/" + swapMb + "/" + diskMb + "/" + io
                    + "/" + cpuPercent);
        }
    }

    /** Limits with no swap and the panel's default IO weight. */
    public static ServerLimits of(int memoryMb, int diskMb, int cpuPercent) {
        return new ServerLimits(memoryMb, 0, diskMb, 500, cpuPercent);
    }
}
