package org.hotcog.core.internal.corecommands;

import org.hotcog.api.command.Cooldown;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.osgi.service.component.annotations.Component;

import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/** {@code /ping}: the gateway heartbeat latency and a REST round trip, measured now. */
@Component
@Cooldown(seconds = 3)
public final class PingCommand implements SlashCommand {
    @Override
    public SlashCommandData data() {
        return Commands.slash("ping", "Shows how fast the bot talks to Discord");
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        var jda = ctx.event().getJDA();
        long restMillis = jda.getRestPing().complete();
        ctx.reply().send("Pong! Gateway " + jda.getGatewayPing() + " ms · REST " + restMillis + " ms");
    }
}
