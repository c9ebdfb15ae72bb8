package org.hotcog.tickets.internal.admin;

import java.time.Duration;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.api.settings.GuildSettings;
import org.hotcog.tickets.internal.settings.TicketSettings;
import org.hotcog.tickets.internal.store.Durations;
import org.hotcog.tickets.internal.store.InvalidInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;

/** {@code /ticketsettings}: the server's ticket settings, applied at once. */
@Component
public final class TicketSettingsCommand implements SlashCommand {
    private static final Duration MAX_WAIT = Duration.ofSeconds(TicketSettings.MAX_WAIT_SECONDS);

    private final GuildSettings settings;

    @Activate
    public TicketSettingsCommand(@Reference GuildSettings settings) {
        this.settings = settings;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("ticketsettings", "Shows or changes this server's ticket settings")
                .addSubcommands(new SubcommandData("show", "Shows the settings"),
                        new SubcommandData("log-channel", "Where transcripts of closed tickets go")
                                .addOptions(new OptionData(OptionType.CHANNEL, "channel", "The channel (none if left "
                                        + "out)", false).setChannelTypes(ChannelType.TEXT)),
                        new SubcommandData("transcript-dm", "Whether openers get their transcript by direct message")
                                .addOption(OptionType.BOOLEAN, "enabled", "On or off", true),
                        new SubcommandData("feedback", "Whether openers are asked to rate a closed ticket")
                                .addOption(OptionType.BOOLEAN, "enabled", "On or off", true),
                        new SubcommandData("reminder", "Remind the opener after this long without a message")
                                .addOptions(new OptionData(OptionType.STRING, "after", "Like 12h or 2d, or off", true)
                                        .setMaxLength(16)),
                        new SubcommandData("auto-close", "Close a ticket this long after its reminder")
                                .addOptions(new OptionData(OptionType.STRING, "after", "Like 12h or 2d, or off", true)
                                        .setMaxLength(16)))
                .setContexts(InteractionContextType.GUILD)
                .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ctx.requireMemberPermissions(Permission.MANAGE_SERVER);
        long guildId = ctx.guild().getIdLong();
        try {
            switch (ctx.event().getSubcommandName()) {
                case "log-channel" -> {
                    TextChannel channel = ctx.event().getOption("channel", null,
                            mapping -> mapping.getAsChannel().asTextChannel());
                    if (channel != null) {
                        ctx.requireBotPermissions(channel, Permission.VIEW_CHANNEL, Permission.MESSAGE_SEND,
                                Permission.MESSAGE_EMBED_LINKS, Permission.MESSAGE_ATTACH_FILES);
                    }
                    settings.set(guildId, TicketSettings.LOG_CHANNEL, channel == null ? 0L : channel.getIdLong());
                }
                case "transcript-dm" -> settings.set(guildId, TicketSettings.TRANSCRIPT_DM,
                        ctx.event().getOption("enabled", OptionMapping::getAsBoolean));
                case "feedback" -> settings.set(guildId, TicketSettings.FEEDBACK,
                        ctx.event().getOption("enabled", OptionMapping::getAsBoolean));
                case "reminder" -> settings.set(guildId, TicketSettings.STALE_AFTER, Durations.parse("after",
                        ctx.event().getOption("after", OptionMapping::getAsString), MAX_WAIT).toSeconds());
                case "auto-close" -> settings.set(guildId, TicketSettings.AUTO_CLOSE_AFTER, Durations.parse("after",
                        ctx.event().getOption("after", OptionMapping::getAsString), MAX_WAIT).toSeconds());
                default -> {
                    // show
                }
            }
        } catch (InvalidInput e) {
            throw new Refusal("The setting " + e.problem() + ".");
        }
        ctx.reply().sendEphemeral(new MessageCreateBuilder().setEmbeds(show(guildId)).build());
    }

    private net.dv8tion.jda.api.entities.MessageEmbed show(long guildId) {
        long log = settings.get(guildId, TicketSettings.LOG_CHANNEL);
        long stale = settings.get(guildId, TicketSettings.STALE_AFTER);
        long autoClose = settings.get(guildId, TicketSettings.AUTO_CLOSE_AFTER);
        return new EmbedBuilder().setTitle("Ticket settings")
                .addField("Log channel", log == 0 ? "none" : "<#" + log + ">", true)
                .addField("Transcript by DM", onOff(settings.get(guildId, TicketSettings.TRANSCRIPT_DM)), true)
                .addField("Feedback", onOff(settings.get(guildId, TicketSettings.FEEDBACK)), true)
                .addField("Reminder after", stale == 0 ? "off" : Durations.describe(Duration.ofSeconds(stale)), true)
                .addField("Auto-close after the reminder", autoClose == 0 ? "off"
                        : Durations.describe(Duration.ofSeconds(autoClose)), true)
                .build();
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }
}
