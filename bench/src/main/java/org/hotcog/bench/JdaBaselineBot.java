package org.hotcog.bench;

import java.util.EnumSet;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.utils.SessionControllerAdapter;

/**
 * The baseline of the interaction benchmark: a plain JDA program without OSGi that answers {@code /pong} with a
 * type-4 reply "pong", as Hotcog's {@code PongCommand} does. Usage: {@code JdaBaselineBot TOKEN REST_URL GATEWAY_URL}.
 */
public final class JdaBaselineBot extends ListenerAdapter {

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: JdaBaselineBot TOKEN REST_URL GATEWAY_URL");
            System.exit(2);
        }
        String gatewayUrl = args[2];
        // No intents beyond GUILDS, like Hotcog when no feature asks for more: both bots then receive the same
        // gateway traffic (with GUILD_MESSAGES, each reply would come back as a MESSAGE_CREATE to parse).
        JDA jda = JDABuilder.createLight(args[0], EnumSet.noneOf(GatewayIntent.class))
                .setRestConfig(new RestConfig().setBaseUrl(args[1]))
                .setSessionController(new SessionControllerAdapter() {
                    @Override
                    public String getGateway() {
                        return gatewayUrl;
                    }
                })
                .addEventListeners(new JdaBaselineBot())
                .build()
                .awaitReady();
        jda.updateCommands().addCommands(Commands.slash("pong", "Answers pong")).queue();
    }

    @Override
    public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
        event.reply("pong").queue();
    }
}
