package org.hotcog.moderation.internal.commands;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/** {@code /modlog set channel} and {@code /modlog off}: where cases are posted. Manage Server only. */
@Component
public final class ModlogCommand implements SlashCommand {
    static final String CHANNEL = "channel";

    private final SettingsStore settings;

    @Activate
    public ModlogCommand(@Reference SettingsStore settings) {
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("modlog", "Sets the channel where moderation cases are posted")
                .addSubcommands(new SubcommandData("set", "Posts every new case in this channel")
                        .addOptions(new OptionData(OptionType.CHANNEL, CHANNEL, "A text channel", true)
                                .setChannelTypes(ChannelType.TEXT)),
                        new SubcommandData("off", "Stops posting cases (they are still recorded)"))
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER))
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        if ("off".equals(ctx.event().getSubcommandName())) {
            settings.save(guildId, settings.get(guildId).withModlogChannel(0));
            ctx.reply().sendEphemeral("Cases are no longer posted; they are still recorded (see /case).");
            return;
        }
        GuildChannel channel = ctx.event().getOption(CHANNEL, OptionMapping::getAsChannel);
        if (channel == null || channel.getType() != ChannelType.TEXT) {
            throw new Refusal("The modlog must be a text channel.");
        }
        ctx.requireBotPermissions(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                Permission.MESSAGE_EMBED_LINKS);
        settings.save(guildId, settings.get(guildId).withModlogChannel(channel.getIdLong()));
        ctx.reply().sendEphemeral("New cases will be posted in " + channel.getAsMention() + ".");
    }
}
