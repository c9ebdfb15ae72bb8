package org.hotcog.pterodactyl.internal.command;

import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.component.ModalContext;
import org.hotcog.api.component.ModalHandler;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.servers.Target;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/** The form of {@code /server command}: {@code <panel>/<identifier>} follows the prefix. */
@Component
@CustomIdPrefix(CommandForm.PREFIX)
public final class CommandForm implements ModalHandler {
    static final String PREFIX = "ptero:command:";
    static final String COMMAND = "command";

    private final ServerActions actions;

    @Activate
    public CommandForm(@Reference ServerActions actions) {
        this.actions = actions;
    }

    @Override
    public void handle(ModalContext ctx) {
        if (ctx.member() == null) {
            throw new Refusal("Game servers are managed in a server, not in direct messages.");
        }
        ModalMapping typed = ctx.event().getValue(COMMAND);
        String command = typed == null ? "" : typed.getAsString();
        Target target = actions.command(ctx.member(), ctx.customIdSuffix(), command);
        ctx.reply().sendEphemeral("Sent `" + command.strip().replace("`", "'") + "` to " + target.label() + ".");
    }
}
