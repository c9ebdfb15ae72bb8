package org.hotcog.moderation.internal.commands;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.time.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /slowmode duration [channel] [reason]}: how long members wait between two messages in a
 * text channel, from 1s to Discord's 6h, or {@code off}. A case of the channel.
 */
@Component
public final class SlowmodeCommand implements SlashCommand {
    /** Discord's longest slowmode ({@code rate_limit_per_user} of at most 21600 seconds). */
    static final Duration MAX_SLOWMODE = Duration.ofHours(6);
    private static final long DISCORD_TIMEOUT_SECONDS = 10;

    private final ModerationChecks checks;
    private final CaseRecorder recorder;

    @Activate
    public SlowmodeCommand(@Reference ModerationChecks checks, @Reference CaseRecorder recorder) {
        this.checks = checks;
        this.recorder = recorder;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("slowmode", "Makes members wait between two messages in a channel")
                .addOptions(new OptionData(OptionType.STRING, Options.DURATION,
                                "How long, like 10s, 1m or 2h (at most 6h), or off", true).setMaxLength(32),
                        ChannelCases.channelOption("The channel (this one if left out)"), Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ChannelCases.Target target = ChannelCases.begin(ctx, checks, CaseAction.SLOWMODE, Permission.VIEW_CHANNEL,
                Permission.MANAGE_CHANNEL);
        TextChannel channel = target.channel();
        String reason = target.reason();
        Duration length = duration(ctx.event().getOption(Options.DURATION, OptionMapping::getAsString));

        channel.getManager().setSlowmode((int) length.getSeconds()).reason(reason)
                .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        ModCase recorded = ChannelCases.record(recorder, ctx, CaseAction.SLOWMODE, channel, reason, length, null);
        ctx.reply().send(length.isZero()
                ? "Slowmode is off in " + channel.getAsMention() + ChannelCases.caseSuffix(recorded)
                : "Members of " + channel.getAsMention() + " now wait " + Durations.format(length)
                        + " between messages" + ChannelCases.caseSuffix(recorded));
    }

    /** {@code off} or {@code 0} for none, else a duration from 1s to 6h. */
    private static Duration duration(String text) {
        String typed = text.strip().toLowerCase(Locale.ROOT);
        if (typed.equals("off") || typed.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return Durations.parse(text, Duration.ofSeconds(1), MAX_SLOWMODE);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage() + " Or use off to end the slowmode.");
        }
    }
}
