package org.hotcog.ai.internal.command;

import org.hotcog.ai.internal.ask.Assistant;
import org.hotcog.api.interaction.InteractionContext;

import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/** Where an interaction asks. */
final class Places {

    private Places() {
    }

    static Assistant.Place of(InteractionContext ctx, MessageChannel channel) {
        return new Assistant.Place(ctx.guild(), ctx.member(), ctx.user(), channel);
    }
}
