package org.hotcog.pterodactyl.internal.live;

import java.util.List;
import java.util.Optional;

import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.client.Usage;
import org.hotcog.pterodactyl.internal.command.StatusEmbed;
import org.hotcog.pterodactyl.internal.graph.GraphRenderer;
import org.hotcog.pterodactyl.internal.servers.NodeDetails;

import net.dv8tion.jda.api.EmbedBuilder;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** A live status message: the status embed and the buttons Start, Stop, Restart, Show address and Console. */
public final class LiveMessage {
    /** {@code <action>:<panel>/<identifier>} follows. */
    public static final String PREFIX = "ptero:live:";

    private LiveMessage() {
    }

    public static MessageCreateData create(PanelServerInfo server, String ref, Usage usage,
            Optional<NodeDetails.Where> where) {
        return new MessageCreateBuilder().addEmbeds(StatusEmbed.of(server, ref, usage, where)).addComponents(buttons(ref))
                .build();
    }

    /** The message as it is now, with the CPU and memory graph once there are two samples to draw. */
    static MessageEditData edit(LiveStatus.Watch watch) {
        MessageEmbed embed = StatusEmbed.of(watch.server(), watch.ref(), watch.usage(), watch.where());
        MessageEditBuilder message = new MessageEditBuilder().setComponents(buttons(watch.ref()));
        List<History.Sample> samples = watch.history().samples();
        if (samples.size() < 2) {
            return message.setEmbeds(embed).build();
        }
        return message.setEmbeds(new EmbedBuilder(embed).setImage("attachment://" + GRAPH).build())
                .setFiles(FileUpload.fromData(graph(watch.server(), samples), GRAPH)).build();
    }

    /** The file name of the graph attached to a message. */
    public static final String GRAPH = "graph.png";

    /** The server's CPU and memory graph as a PNG. */
    public static byte[] graph(PanelServerInfo server, List<History.Sample> samples) {
        return GraphRenderer.png(server.name(), samples, 100, server.limits().memoryMb());
    }

    private static ActionRow buttons(String ref) {
        return ActionRow.of(Button.success(PREFIX + "start:" + ref, "Start"),
                Button.danger(PREFIX + "stop:" + ref, "Stop"), Button.primary(PREFIX + "restart:" + ref, "Restart"),
                Button.secondary(PREFIX + "address:" + ref, "Show address"),
                Button.secondary(PREFIX + "console:" + ref, "Console"));
    }
}
