package org.hotcog.core.internal.corecommands;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.core.internal.auth.AdminConfig;
import org.hotcog.core.internal.modules.ModuleDirectory;
import org.hotcog.core.internal.modules.ModuleException;
import org.hotcog.core.internal.modules.ModuleInfo;
import org.hotcog.core.internal.modules.ModuleManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * {@code /modules list|stop|start|reload|rollback}: module operations for the bot's owners
 * ({@code owner.ids}), answered only to them. Discord shows the command to server administrators;
 * everyone else who is not an owner is refused, whatever their permissions.
 */
@Component(configurationPid = AdminConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ModulesCommand implements SlashCommand {
    private static final String MODULE = "module";

    private final BundleContext context;
    private final ModuleDirectory directory;
    private final ModuleManager manager;
    private final Set<Long> owners;

    @Activate
    public ModulesCommand(BundleContext context, @Reference ModuleDirectory directory,
            @Reference ModuleManager manager, AdminConfig config) {
        this.context = context;
        this.directory = directory;
        this.manager = manager;
        this.owners = Arrays.stream(config.ownerIds()).boxed().collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public SlashCommandData data() {
        OptionData module = new OptionData(OptionType.STRING, MODULE, "The module", true, true);
        return Commands.slash("modules", "Manages the bot's modules (owners only)")
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.ADMINISTRATOR))
                .addSubcommands(new SubcommandData("list", "Lists the modules with their versions and states"),
                        new SubcommandData("stop", "Stops a module; its commands leave").addOptions(module),
                        new SubcommandData("start", "Starts a stopped module").addOptions(module),
                        new SubcommandData("reload", "Restarts a module afresh").addOptions(module),
                        new SubcommandData("rollback", "Goes back to the module's previous version")
                                .addOptions(module));
    }

    @Override
    public void handle(SlashCommandContext ctx) throws ModuleException {
        long user = ctx.event().getUser().getIdLong();
        if (!owners.contains(user)) {
            throw new Refusal("Only the bot's owners may manage modules.");
        }
        String subcommand = ctx.event().getSubcommandName();
        if ("list".equals(subcommand)) {
            ctx.reply().sendEphemeral(MessageCreateData.fromEmbeds(list()));
            return;
        }
        String named = ctx.event().getOption(MODULE, OptionMapping::getAsString);
        Bundle bundle = find(named).orElseThrow(() -> new Refusal("There is no module \"" + named
                + "\". /modules list shows them."));
        ctx.reply().defer(true);
        String actor = "discord:" + user + " (" + ctx.event().getUser().getName() + ")";
        ModuleInfo after;
        try {
            after = manager.operate(subcommand, bundle.getBundleId(), actor);
        } catch (ModuleException e) {
            throw new Refusal("Could not " + subcommand + " " + label(bundle) + ": " + e.getMessage());
        }
        ctx.reply().sendEphemeral("Done: " + subcommand + " " + label(bundle) + ". It is now version "
                + after.version() + ", " + after.state().toLowerCase(Locale.ROOT) + ".");
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        if (!owners.contains(ctx.event().getUser().getIdLong())) {
            return List.of();
        }
        String typed = ctx.focused().getValue().toLowerCase(Locale.ROOT);
        return modules().filter(b -> label(b).toLowerCase(Locale.ROOT).contains(typed)).limit(25)
                .map(b -> new Command.Choice(label(b) + " " + b.getVersion() + " ("
                        + ModuleDirectory.stateName(b.getState()).toLowerCase(Locale.ROOT) + ")", b.getSymbolicName()))
                .toList();
    }

    private java.util.stream.Stream<Bundle> modules() {
        return Arrays.stream(context.getBundles()).filter(ModuleManager::isModule)
                .sorted(Comparator.comparing(ModulesCommand::label));
    }

    private Optional<Bundle> find(String named) {
        return modules().filter(b -> b.getSymbolicName().equals(named) || label(b).equalsIgnoreCase(named))
                .findFirst();
    }

    private net.dv8tion.jda.api.entities.MessageEmbed list() {
        String lines = directory.list().stream().filter(m -> !"core".equals(m.kind()))
                .sorted(Comparator.comparing(m -> m.module() != null ? m.module() : m.symbolicName()))
                .map(m -> "`" + (m.module() != null ? m.module() : m.symbolicName()) + "` " + m.version() + " — "
                        + m.state().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("\n"));
        return new EmbedBuilder().setTitle("Modules").setColor(0x5865F2)
                .setDescription(lines.isEmpty() ? "No modules are installed." : lines).build();
    }

    /** The module's name, or its symbolic name for a bundle without one. */
    private static String label(Bundle bundle) {
        String module = bundle.getHeaders("").get(org.hotcog.api.module.ModuleHeaders.MODULE);
        return module != null ? module : bundle.getSymbolicName();
    }
}
