package org.hotcog.core.internal.corecommands;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.core.internal.registry.CommandCatalog;
import org.hotcog.core.internal.registry.Route;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * {@code /help [module]}: the commands of the running modules, grouped by module, read from the
 * live registry so that a module that stops or starts shows at once.
 */
@Component
public final class HelpCommand implements SlashCommand {
    private static final int FIELD_LIMIT = 1024;

    private final CommandCatalog catalog;

    @Activate
    public HelpCommand(@Reference CommandCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("help", "Lists the bot's commands")
                .addOption(OptionType.STRING, "module", "Only this module's commands", false, true);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        String only = ctx.event().getOption("module", OptionMapping::getAsString);
        Map<String, StringBuilder> byModule = new TreeMap<>();
        for (Route route : catalog.slashCommands()) {
            if (only == null || route.module().equalsIgnoreCase(only)) {
                byModule.computeIfAbsent(route.module(), m -> new StringBuilder())
                        .append(describe(((SlashCommand) route.handler()).data())).append('\n');
            }
        }
        if (byModule.isEmpty()) {
            throw new Refusal(only == null ? "No commands are available right now."
                    : "There is no module named \"" + only + "\" with commands. Try /help without a module.");
        }
        EmbedBuilder embed = new EmbedBuilder().setTitle("Commands").setColor(0x5865F2);
        byModule.forEach((module, lines) -> embed.addField(module, clip(lines.toString()), false));
        embed.setFooter(byModule.size() + " module" + (byModule.size() == 1 ? "" : "s"));
        ctx.reply().sendEphemeral(MessageCreateData.fromEmbeds(embed.build()));
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        String typed = ctx.focused().getValue().toLowerCase(Locale.ROOT);
        return catalog.slashCommands().stream().map(Route::module).distinct().sorted()
                .filter(m -> m.toLowerCase(Locale.ROOT).startsWith(typed))
                .limit(25).map(m -> new Command.Choice(m, m)).toList();
    }

    private static String describe(SlashCommandData command) {
        String line = "`/" + command.getName() + "` " + command.getDescription();
        List<SubcommandData> subcommands = command.getSubcommands();
        if (!subcommands.isEmpty() || !command.getSubcommandGroups().isEmpty()) {
            String subs = java.util.stream.Stream.concat(subcommands.stream().map(SubcommandData::getName),
                    command.getSubcommandGroups().stream().flatMap(g -> g.getSubcommands().stream()
                            .map(s -> g.getName() + " " + s.getName())))
                    .collect(Collectors.joining(", "));
            line += " (" + subs + ")";
        }
        return line;
    }

    private static String clip(String text) {
        return text.length() <= FIELD_LIMIT ? text : text.substring(0, FIELD_LIMIT - 1) + "…";
    }
}
