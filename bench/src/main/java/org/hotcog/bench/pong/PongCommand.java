package org.hotcog.bench.pong;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.osgi.service.component.annotations.Component;

import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** The interaction benchmark's command in Hotcog: the same answer as {@code JdaBaselineBot}'s, through the core. */
@Component
public final class PongCommand implements SlashCommand {
    @Override
    public SlashCommandData data() {
        return Commands.slash("pong", "Answers pong");
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.reply().send("pong");
    }
}
