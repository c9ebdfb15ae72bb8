package org.hotcog.core.internal.corecommands;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Collectors;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.core.internal.modules.ModuleDirectory;
import org.hotcog.core.internal.modules.ModuleInfo;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/** {@code /about}: the core's version, uptime, guilds, and every module with its version and state. */
@Component
public final class AboutCommand implements SlashCommand {
    private final BundleContext context;
    private final ModuleDirectory directory;

    @Activate
    public AboutCommand(BundleContext context, @Reference ModuleDirectory directory) {
        this.context = context;
        this.directory = directory;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("about", "Shows the bot's version, uptime and modules");
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        String modules = directory.list().stream().filter(m -> m.module() != null)
                .sorted(Comparator.comparing(ModuleInfo::module))
                .map(m -> "`" + m.module() + "` " + m.version()
                        + ("ACTIVE".equals(m.state()) ? "" : " (" + m.state().toLowerCase(Locale.ROOT) + ")"))
                .collect(Collectors.joining("\n"));
        EmbedBuilder embed = new EmbedBuilder().setTitle("Hotcog " + context.getBundle().getVersion())
                .setColor(0x5865F2)
                .addField("Uptime", format(uptime), true)
                .addField("Guilds", Long.toString(ctx.event().getJDA().getShardManager() != null
                        ? ctx.event().getJDA().getShardManager().getGuildCache().size()
                        : ctx.event().getJDA().getGuildCache().size()), true)
                .addField("Modules", modules.isEmpty() ? "none" : modules, false);
        ctx.reply().send(MessageCreateData.fromEmbeds(embed.build()));
    }

    static String format(Duration uptime) {
        long days = uptime.toDays();
        return (days > 0 ? days + "d " : "") + uptime.toHoursPart() + "h " + uptime.toMinutesPart() + "m "
                + uptime.toSecondsPart() + "s";
    }
}
