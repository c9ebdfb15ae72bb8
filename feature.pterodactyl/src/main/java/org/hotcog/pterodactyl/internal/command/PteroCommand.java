package org.hotcog.pterodactyl.internal.command;

import java.util.List;
import java.util.Locale;

import org.hotcog.api.command.AutocompleteContext;
import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.pterodactyl.internal.access.MemberKeys;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelRegistry;
import org.hotcog.pterodactyl.internal.servers.ServerAccess;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.Command;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.modals.Modal;

/**
 * {@code /ptero link [panel]} opens a form for the member's own client key of a panel; {@code /ptero unlink [panel]}
 * deletes it. The panel may be left out when the guild has only one.
 */
@Component(service = SlashCommand.class)
public final class PteroCommand implements SlashCommand {
    static final String PANEL = "panel";

    private final PanelRegistry panels;
    private final MemberKeys keys;
    private final ServerAccess access;

    @Activate
    public PteroCommand(@Reference PanelRegistry panels, @Reference MemberKeys keys, @Reference ServerAccess access) {
        this.panels = panels;
        this.keys = keys;
        this.access = access;
    }

    @Override
    public SlashCommandData data() {
        OptionData panel = new OptionData(OptionType.STRING, PANEL, "The panel (when there are several)", false, true);
        return Commands.slash("ptero", "Your own Pterodactyl panel key").setContexts(InteractionContextType.GUILD)
                .addSubcommands(new SubcommandData("link", "Link your client key: you then control the servers it sees")
                        .addOptions(panel), new SubcommandData("unlink", "Delete your linked key").addOptions(panel));
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        if (ctx.guild() == null) {
            throw new Refusal("Keys are linked in a server, not in direct messages.");
        }
        Panel panel = panel(ctx.guild().getIdLong(), ctx.event().getOption(PANEL));
        if ("link".equals(ctx.event().getSubcommandName())) {
            ctx.reply().showModal(Modal.create(LinkForm.PREFIX + panel.name(), "Link your key for " + panel.name())
                    .addComponents(Label.of("Client API key (ptlc_…)", TextInput.create(LinkForm.KEY,
                            TextInputStyle.SHORT).setRequiredRange(21, 200).setPlaceholder("ptlc_…").build()))
                    .build());
            return;
        }
        if (!keys.unlink(ctx.user().getIdLong(), panel.name())) {
            throw new Refusal("You have no key linked for the panel " + panel.name() + ".");
        }
        access.forgetMember(ctx.user().getIdLong(), panel);
        ctx.reply().sendEphemeral("Your key for the panel " + panel.name() + " is deleted.");
    }

    private Panel panel(long guildId, OptionMapping option) {
        List<Panel> available = panels.forGuild(guildId);
        if (option == null) {
            if (available.size() == 1) {
                return available.get(0);
            }
            throw new Refusal(available.isEmpty() ? "No Pterodactyl panel is set up for this server."
                    : "Name the panel: " + String.join(", ", available.stream().map(Panel::name).toList()) + ".");
        }
        String name = option.getAsString().trim().toLowerCase(Locale.ROOT);
        return available.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new Refusal("Unknown panel: " + name + "."));
    }

    @Override
    public List<Command.Choice> autocomplete(AutocompleteContext ctx) {
        if (ctx.guild() == null) {
            return List.of();
        }
        String typed = ctx.focused().getValue().toLowerCase(Locale.ROOT);
        return panels.forGuild(ctx.guild().getIdLong()).stream().map(Panel::name).filter(n -> n.contains(typed))
                .limit(25).map(n -> new Command.Choice(n, n)).toList();
    }
}
