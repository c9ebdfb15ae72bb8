package org.hotcog.pterodactyl.internal.command;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.client.Usage;
import org.hotcog.pterodactyl.internal.servers.NodeDetails;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.entities.MessageEmbed;

/** A server's state and resource use as an embed: the same for {@code /server status} and a live status message. */
public final class StatusEmbed {
    private static final int RUNNING = 0x43B581;
    private static final int CHANGING = 0xFAA61A;
    private static final int OFFLINE = 0xF04747;

    private StatusEmbed() {
    }

    /**
     * @param ref how commands name the server, shown in the footer
     * @param where the node from the Application API, when the panel has an application key and it answered
     */
    public static MessageEmbed of(PanelServerInfo server, String ref, Usage usage, Optional<NodeDetails.Where> where) {
        String state = usage.state();
        EmbedBuilder embed = new EmbedBuilder().setTitle(server.name())
                .setColor("running".equals(state) ? RUNNING : "offline".equals(state) ? OFFLINE : CHANGING)
                .addField("State", stateLabel(state), true)
                .addField("CPU", cpu(usage.cpuAbsolute(), server.limits().cpuPercent()), true)
                .addField("Memory", bytes(usage.memoryBytes()) + " / " + limit(server.limits().memoryMb()), true)
                .addField("Disk", bytes(usage.diskBytes()) + " / " + limit(server.limits().diskMb()), true)
                .addField("Network", "↓ " + bytes(usage.networkRxBytes()) + " ↑ " + bytes(usage.networkTxBytes()), true)
                .addField("Uptime", usage.uptimeMillis() <= 0 ? "—" : uptime(Duration.ofMillis(usage.uptimeMillis())),
                        true)
                .setFooter(ref + (server.suspended() ? " · suspended" : server.installing() ? " · installing" : ""));
        server.defaultAllocation().map(PanelServerInfo.Allocation::address)
                .or(() -> where.map(NodeDetails.Where::address))
                .ifPresent(address -> embed.addField("Address", address, true));
        where.ifPresent(w -> embed.addField("Node", w.location() == null ? w.node() : w.node() + " · " + w.location(),
                true));
        return embed.build();
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "running" -> "🟢 Running";
            case "starting" -> "🟡 Starting";
            case "stopping" -> "🟠 Stopping";
            default -> "🔴 Offline";
        };
    }

    /**
     * CPU as a share of what the server may use: the panel counts 100 % per thread, so a server limited to 200 % (two
     * vCPUs) using 150 % is at 75 % of its limit.
     */
    static String cpu(double absolute, long limitPercent) {
        if (limitPercent <= 0) {
            return String.format(Locale.ROOT, "%.1f %% (no limit)", absolute);
        }
        double vcpus = limitPercent / 100.0;
        return String.format(Locale.ROOT, "%.1f %% of %s vCPU", share(absolute, limitPercent),
                vcpus == Math.rint(vcpus) ? String.valueOf((long) vcpus) : String.format(Locale.ROOT, "%.1f", vcpus));
    }

    /** CPU in percent of the server's limit ({@code absolute} itself when it has none). */
    public static double share(double absolute, long limitPercent) {
        return limitPercent <= 0 ? absolute : absolute * 100.0 / limitPercent;
    }

    static String limit(long mb) {
        return mb <= 0 ? "∞" : bytes(mb << 20);
    }

    static String bytes(long bytes) {
        String[] units = { "B", "KiB", "MiB", "GiB", "TiB" };
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String uptime(Duration uptime) {
        long days = uptime.toDays();
        long hours = uptime.toHoursPart();
        long minutes = uptime.toMinutesPart();
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + minutes + " min";
        }
        return minutes > 0 ? minutes + " min " + uptime.toSecondsPart() + " s" : uptime.toSecondsPart() + " s";
    }
}
