package org.hotcog.bench.pong;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * The benchmarks' command in Hotcog. It answers with its bundle's {@value #REPLY_HEADER} header, read at activation:
 * "pong" in bench-pong.jar, the same answer as {@code JdaBaselineBot}'s; "pong" and the bundle's version in the two
 * builds the swap benchmark alternates between, so that each answer tells which build gave it.
 */
@Component
public final class PongCommand implements SlashCommand {
    static final String REPLY_HEADER = "Pong-Reply";

    private final String reply;

    @Activate
    public PongCommand(BundleContext context) {
        String header = context.getBundle().getHeaders("").get(REPLY_HEADER);
        if (header == null) {
            throw new IllegalStateException("the bundle has no " + REPLY_HEADER + " header");
        }
        this.reply = header;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("pong", "Answers pong");
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.reply().send(reply);
    }
}
