package org.hotcog.pterodactyl.internal.command;

import org.hotcog.api.component.ComponentContext;
import org.hotcog.api.component.ComponentHandler;
import org.hotcog.api.component.CustomIdPrefix;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.client.PowerSignal;
import org.hotcog.pterodactyl.internal.servers.Target;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;

/**
 * The confirmation buttons of {@code /server power} stop and kill: {@code <signal>:<panel>/<identifier>} or
 * {@code cancel:<panel>/<identifier>}. Access is checked again on the click.
 */
@Component
@CustomIdPrefix(PowerButtons.PREFIX)
public final class PowerButtons implements ComponentHandler {
    static final String PREFIX = "ptero:power:";

    private final ServerActions actions;

    @Activate
    public PowerButtons(@Reference ServerActions actions) {
        this.actions = actions;
    }

    /** The question before a stop or a kill, with its buttons; seen only by the member. */
    static MessageCreateData confirmation(PowerSignal signal, Target target) {
        String verb = signal == PowerSignal.KILL ? "Kill" : "Stop";
        return new MessageCreateBuilder().setContent(verb + " " + target.label() + "?"
                + (signal == PowerSignal.KILL ? " Killing ends the process at once; unsaved data is lost." : ""))
                .addComponents(ActionRow.of(Button.danger(PREFIX + signal.wire() + ":" + target.ref(), verb),
                        Button.secondary(PREFIX + "cancel:" + target.ref(), "Cancel")))
                .build();
    }

    /** The answer everyone sees once a signal was sent. */
    static MessageCreateData sent(PowerSignal signal, Target target, Member member) {
        return new MessageCreateBuilder().setContent(member.getAsMention() + " sent **" + signal.wire() + "** to "
                + target.label() + ".").setAllowedMentions(java.util.List.of()).build();
    }

    @Override
    public void handle(ComponentContext ctx) {
        String suffix = ctx.customIdSuffix();
        int colon = suffix.indexOf(':');
        if (colon < 0 || ctx.member() == null) {
            throw new Refusal("This button is not valid any more.");
        }
        String action = suffix.substring(0, colon);
        String ref = suffix.substring(colon + 1);
        if (action.equals("cancel")) {
            ctx.updateMessage(new MessageEditBuilder().setContent("Cancelled.").setComponents().build());
            return;
        }
        PowerSignal signal = ServerActions.signal(action);
        Target target = actions.power(ctx.member(), ref, signal);
        ctx.updateMessage(new MessageEditBuilder().setContent("Sent **" + signal.wire() + "** to " + target.label()
                + ".").setComponents().build());
        ctx.reply().send(sent(signal, target, ctx.member()));
    }
}
