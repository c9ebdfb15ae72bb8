package org.hotcog.pterodactyl.internal.live;

import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.client.Usage;
import org.hotcog.pterodactyl.internal.command.StatusEmbed;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
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

    public static MessageCreateData create(PanelServerInfo server, String ref, Usage usage) {
        return new MessageCreateBuilder().addEmbeds(StatusEmbed.of(server, ref, usage)).addComponents(buttons(ref))
                .build();
    }

    static MessageEditData edit(LiveStatus.Watch watch) {
        return new MessageEditBuilder().setEmbeds(StatusEmbed.of(watch.server(), watch.ref(), watch.usage()))
                .setComponents(buttons(watch.ref())).build();
    }

    private static ActionRow buttons(String ref) {
        return ActionRow.of(Button.success(PREFIX + "start:" + ref, "Start"),
                Button.danger(PREFIX + "stop:" + ref, "Stop"), Button.primary(PREFIX + "restart:" + ref, "Restart"),
                Button.secondary(PREFIX + "address:" + ref, "Show address"),
                Button.secondary(PREFIX + "console:" + ref, "Console"));
    }
}
