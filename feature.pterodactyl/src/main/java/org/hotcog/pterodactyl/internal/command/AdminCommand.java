package org.hotcog.pterodactyl.internal.command;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.access.AccessRule;
import org.hotcog.pterodactyl.internal.access.AccessStore;
import org.hotcog.pterodactyl.internal.access.Audit;
import org.hotcog.pterodactyl.internal.access.Level;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelRegistry;
import org.hotcog.pterodactyl.internal.panel.PanelState;
import org.hotcog.pterodactyl.internal.servers.ServerAccess;
import org.hotcog.pterodactyl.internal.servers.Target;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * {@code /ptero-admin}: who may view and control the guild's servers ({@code grant}, {@code revoke}, {@code rules}),
 * the state of the guild's panels ({@code panels}) and the latest audited actions ({@code audit}). For members with
 * Manage Server.
 */
@Component(service = SlashCommand.class)
public final class AdminCommand implements SlashCommand {
    private static final Pattern SCOPE = Pattern.compile("[a-z0-9_-]{1,32}(/([A-Za-z0-9-]{1,36}|\\*))?");

    private final AccessStore rules;
    private final PanelRegistry panels;
    private final Audit audit;
    private final ServerAccess access;

    @Activate
    public AdminCommand(@Reference AccessStore rules, @Reference PanelRegistry panels, @Reference Audit audit,
            @Reference ServerAccess access) {
        this.rules = rules;
        this.panels = panels;
        this.audit = audit;
        this.access = access;
    }

    @Override
    public SlashCommandData data() {
        OptionData role = new OptionData(OptionType.ROLE, "role", "The role (@everyone for every member)", true);
        OptionData scope = new OptionData(OptionType.STRING, "server",
                "A server (panel/id), a whole panel (panel/*); every server of every panel when left out", false, true);
        return Commands.slash("ptero-admin", "Who may view and control the game servers")
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .addSubcommands(new SubcommandData("grant", "Let a role view or control servers").addOptions(role,
                        new OptionData(OptionType.STRING, "level", "What the role may do", true)
                                .addChoice("view (list and status)", "view")
                                .addChoice("control (also power, commands and console)", "control"), scope),
                        new SubcommandData("revoke", "Remove a role's rule").addOptions(role, scope),
                        new SubcommandData("rules", "The access rules of this server"),
                        new SubcommandData("panels", "The panels this server uses and their state"),
                        new SubcommandData("audit", "The latest power actions and console commands"));
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        if (ctx.guild() == null) {
            throw new Refusal("This works in a server only.");
        }
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        switch (ctx.event().getSubcommandName()) {
            case "grant" -> {
                Role role = ctx.event().getOption("role").getAsRole();
                AccessRule rule = rule(guildId, role.getIdLong(), ctx.event().getOption("server"),
                        Level.parse(ctx.event().getOption("level").getAsString()));
                rules.grant(rule);
                ctx.reply().sendEphemeral(role.getAsMention() + " may now " + rule.level().wire() + " "
                        + rule.scope() + ".");
            }
            case "revoke" -> {
                Role role = ctx.event().getOption("role").getAsRole();
                AccessRule rule = rule(guildId, role.getIdLong(), ctx.event().getOption("server"), Level.NONE);
                if (!rules.revoke(guildId, role.getIdLong(), rule.panel(), rule.serverId())) {
                    throw new Refusal(role.getAsMention() + " has no rule for " + rule.scope() + ".");
                }
                ctx.reply().sendEphemeral(role.getAsMention() + " no longer has its rule for " + rule.scope() + ".");
            }
            case "rules" -> ctx.reply().sendEphemeral(rulesText(guildId));
            case "panels" -> ctx.reply().sendEphemeral(panelsText(guildId));
            case "audit" -> ctx.reply().sendEphemeral(auditText(guildId));
            default -> throw new Refusal("Unknown sub-command.");
        }
    }

    private AccessRule rule(long guildId, long roleId, OptionMapping option, Level level) {
        if (option == null) {
            return new AccessRule(guildId, roleId, AccessRule.ALL, AccessRule.ALL, level);
        }
        String scope = option.getAsString().trim();
        if (!SCOPE.matcher(scope).matches()) {
            throw new Refusal("server: name a server as panel/identifier or a whole panel as panel/*.");
        }
        String[] parts = scope.split("/");
        if (panels.forGuild(guildId, parts[0]).isEmpty()) {
            throw new Refusal("Unknown panel: " + parts[0] + ".");
        }
        return new AccessRule(guildId, roleId, parts[0], parts.length == 1 ? AccessRule.ALL : parts[1], level);
    }

    private String rulesText(long guildId) {
        List<AccessRule> all = rules.rules(guildId);
        if (all.isEmpty()) {
            return "No access rules: only members with Manage Server and members with their own linked key see "
                    + "servers.";
        }
        StringBuilder text = new StringBuilder("**Access rules**\n");
        for (AccessRule rule : all) {
            text.append("• ").append(rule.roleId() == guildId ? "@everyone" : "<@&" + rule.roleId() + ">")
                    .append(": ").append(rule.level().wire()).append(" ").append(rule.scope()).append('\n');
        }
        return text.toString();
    }

    private String panelsText(long guildId) {
        List<String> names = panels.forGuild(guildId).stream().map(Panel::name).toList();
        StringBuilder text = new StringBuilder();
        for (PanelState state : panels.states()) {
            if (!names.contains(state.name())) {
                continue;
            }
            text.append("• **").append(state.name()).append("**: ").append(state.status().name().toLowerCase(
                    Locale.ROOT));
            state.problems().forEach(p -> text.append("\n  ⚠ ").append(p));
            text.append('\n');
        }
        return text.length() == 0 ? "No Pterodactyl panel is set up for this server." : text.toString();
    }

    private String auditText(long guildId) {
        List<Audit.Entry> entries = audit.latest(guildId, 15);
        if (entries.isEmpty()) {
            return "No power action or console command yet.";
        }
        StringBuilder text = new StringBuilder("**Latest actions**\n");
        for (Audit.Entry e : entries) {
            text.append("• <t:").append(e.at().getEpochSecond()).append(":R> <@").append(e.userId()).append("> ")
                    .append(e.action()).append(" `").append(ServerCommand.shorten(e.detail().replace("`", "'"), 60))
                    .append("` → ").append(e.serverName()).append(" (").append(e.panel()).append('/')
                    .append(e.serverId()).append("): ").append(e.outcome())
                    .append(e.memberKey() ? " (own key)" : "").append('\n');
        }
        return text.toString();
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        if (ctx.event().getMember() == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().toLowerCase(Locale.ROOT);
        List<Command.Choice> choices = new ArrayList<>();
        for (Panel panel : panels.forGuild(ctx.guild().getIdLong())) {
            choices.add(new Command.Choice("Every server of " + panel.name(), panel.name() + "/*"));
        }
        for (Target target : access.visible(ctx.event().getMember()).targets()) {
            if (!target.memberKey()) {
                choices.add(new Command.Choice(ServerCommand.shorten(target.server().name() + " (" + target.ref()
                        + ")", 100), target.ref()));
            }
        }
        return choices.stream().filter(c -> c.getName().toLowerCase(Locale.ROOT).contains(typed)
                || c.getAsString().toLowerCase(Locale.ROOT).contains(typed)).limit(25).toList();
    }
}
