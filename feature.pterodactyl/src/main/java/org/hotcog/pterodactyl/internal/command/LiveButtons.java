package org.hotcog.pterodactyl.internal.command;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.access.Level;
import org.hotcog.pterodactyl.internal.client.PowerSignal;
import org.hotcog.pterodactyl.internal.live.LiveMessage;
import org.hotcog.pterodactyl.internal.servers.ServerAccess;
import org.hotcog.pterodactyl.internal.servers.Target;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.entities.Member;

/**
 * The buttons of a live status message. Whoever clicks is checked like for the commands: Start and Restart act at
 * once, Stop asks first, Show address needs view access, Console control; every answer is seen by the clicker only.
 */
@Component
@CustomIdPrefix(LiveMessage.PREFIX)
public final class LiveButtons implements ComponentHandler {
    private final ServerAccess access;
    private final ServerActions actions;

    @Activate
    public LiveButtons(@Reference ServerAccess access, @Reference ServerActions actions) {
        this.access = access;
        this.actions = actions;
    }

    @Override
    public void handle(ComponentContext ctx) throws InterruptedException {
        String suffix = ctx.customIdSuffix();
        int colon = suffix.indexOf(':');
        Member member = ctx.member();
        if (colon < 0 || member == null) {
            throw new Refusal("This button is not valid any more.");
        }
        String ref = suffix.substring(colon + 1);
        switch (suffix.substring(0, colon)) {
            case "start", "restart" -> {
                PowerSignal signal = ServerActions.signal(suffix.substring(0, colon));
                Target target = actions.power(member, ref, signal);
                ctx.reply().sendEphemeral("Sent **" + signal.wire() + "** to " + target.label() + ".");
            }
            case "stop" -> ctx.reply().sendEphemeral(PowerButtons.confirmation(PowerSignal.STOP,
                    access.resolve(member, ref, Level.CONTROL)));
            case "address" -> {
                Target target = access.resolve(member, ref, Level.VIEW);
                ctx.reply().sendEphemeral(target.server().defaultAllocation().map(a -> target.server().name()
                        + " is at `" + a.address() + "`.").orElse(target.server().name() + " has no address."));
            }
            case "console" -> {
                Target target = access.resolve(member, ref, Level.CONTROL);
                ctx.reply().defer(true);
                ctx.reply().sendEphemeral(ConsoleText.of(target, actions.console(member, target)));
            }
            default -> throw new Refusal("This button is not valid any more.");
        }
    }
}
