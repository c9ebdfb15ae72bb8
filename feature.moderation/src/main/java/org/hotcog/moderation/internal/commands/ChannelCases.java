package org.hotcog.moderation.internal.commands;

import java.time.Duration;

import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.cases.CaseStore;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.cases.NewCase;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.ModerationSettings;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** What the commands that act on a channel (slowmode, lock, unlock, purge) share. */
final class ChannelCases {
    static final String CHANNEL = "channel";

    private ChannelCases() {
    }

    /** What a channel command acts on, once the moderator passed the checks. */
    record Target(TextChannel channel, String reason) {
    }

    /**
     * The checks every channel command makes, in order: the moderator's right, a reason if the
     * guild requires one, a text channel, and the bot's permissions there.
     */
    static Target begin(SlashCommandContext ctx, ModerationChecks checks, CaseAction action, Permission... botNeeds) {
        ModerationSettings settings = checks.requireModerator(ctx, action);
        String reason = Options.reason(ctx);
        checks.requireReason(settings, reason);
        TextChannel channel = textChannel(ctx);
        ctx.requireBotPermissions(channel, botNeeds);
        return new Target(channel, reason);
    }

    /** The optional {@code channel} option: a text channel, the current one when left out. */
    static OptionData channelOption(String description) {
        return new OptionData(OptionType.CHANNEL, CHANNEL, description, false).setChannelTypes(ChannelType.TEXT);
    }

    /** The channel the option names, or else the one the command was used in, which must be a text channel. */
    static TextChannel textChannel(SlashCommandContext ctx) {
        GuildChannel named = ctx.event().getOption(CHANNEL, OptionMapping::getAsChannel);
        GuildChannel channel = named != null ? named : ctx.event().getGuildChannel();
        if (!(channel instanceof TextChannel text)) {
            throw new Refusal("This works on text channels: use it in one, or name one with the channel option.");
        }
        return text;
    }

    /** Records a case whose target is the channel, together with {@code alsoInTransaction}. */
    static ModCase record(CaseRecorder recorder, SlashCommandContext ctx, CaseAction action, GuildChannel channel,
            String reason, Duration duration, String detail, CaseStore.WithCase alsoInTransaction) {
        return recorder.record(ctx.guild(), new NewCase(ctx.guild().getIdLong(), action, channel.getIdLong(),
                "#" + channel.getName(), ctx.user().getIdLong(), ctx.user().getName(), false, reason, duration,
                detail), alsoInTransaction);
    }

    /** Records a case whose target is the channel. */
    static ModCase record(CaseRecorder recorder, SlashCommandContext ctx, CaseAction action, GuildChannel channel,
            String reason, Duration duration, String detail) {
        return record(recorder, ctx, action, channel, reason, duration, detail, (connection, number) -> {
        });
    }

    /** " (case #4). Reason: …" — how every answer ends. */
    static String caseSuffix(ModCase c) {
        return " (case #" + c.number() + ")." + (c.reason() == null ? "" : " Reason: " + c.reason());
    }
}
