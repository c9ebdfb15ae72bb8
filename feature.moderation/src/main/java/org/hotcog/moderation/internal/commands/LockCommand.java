package org.hotcog.moderation.internal.commands;

import java.util.concurrent.TimeUnit;

import org.hotcog.api.command.SlashCommand;
import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseRecorder;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.channels.LockStore;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.PermissionOverride;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;

/**
 * {@code /lock [channel] [reason]}: members can no longer post, start threads or react in a text
 * channel. The lock is a deny on the {@code @everyone} overwrite; what that overwrite was before is
 * stored, so that {@code /unlock} puts back exactly that. Roles allowed to post in the channel by
 * an overwrite of their own, and administrators, still can.
 */
@Component
public final class LockCommand implements SlashCommand {
    /** What a lock denies. */
    static final long LOCKED = Permission.getRaw(Permission.MESSAGE_SEND, Permission.MESSAGE_SEND_IN_THREADS,
            Permission.CREATE_PUBLIC_THREADS, Permission.CREATE_PRIVATE_THREADS, Permission.MESSAGE_ADD_REACTION);
    static final long DISCORD_TIMEOUT_SECONDS = 10;

    /**
     * The {@code @everyone} overwrite of a channel as it is now.
     *
     * @param override null when the channel has none
     */
    record Everyone(PermissionOverride override, long allow, long deny) {
        static Everyone of(TextChannel channel) {
            PermissionOverride override = channel.getPermissionOverride(channel.getGuild().getPublicRole());
            return new Everyone(override, override == null ? 0 : override.getAllowedRaw(),
                    override == null ? 0 : override.getDeniedRaw());
        }

        boolean sendDenied() {
            return (deny & Permission.MESSAGE_SEND.getRawValue()) != 0;
        }
    }

    private final ModerationChecks checks;
    private final CaseRecorder recorder;
    private final LockStore locks;

    @Activate
    public LockCommand(@Reference ModerationChecks checks, @Reference CaseRecorder recorder,
            @Reference LockStore locks) {
        this.checks = checks;
        this.recorder = recorder;
        this.locks = locks;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("lock", "Stops members from posting in a channel until it is unlocked")
                .addOptions(ChannelCases.channelOption("The channel (this one if left out)"), Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ChannelCases.Target target = ChannelCases.begin(ctx, checks, CaseAction.LOCK, Permission.VIEW_CHANNEL,
                Permission.MANAGE_PERMISSIONS);
        TextChannel channel = target.channel();
        Everyone everyone = Everyone.of(channel);
        if (everyone.sendDenied()) {
            throw new Refusal(channel.getAsMention() + " is locked already: members cannot send messages there.");
        }
        channel.upsertPermissionOverride(channel.getGuild().getPublicRole()).setAllowed(everyone.allow() & ~LOCKED)
                .setDenied(everyone.deny() | LOCKED).reason(target.reason())
                .timeout(DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        ModCase recorded = ChannelCases.record(recorder, ctx, CaseAction.LOCK, channel, target.reason(), null, null,
                locks.remember(ctx.guild().getIdLong(), channel.getIdLong(), everyone.override() != null,
                        everyone.allow(), everyone.deny()));
        ctx.reply().send("🔒 " + channel.getAsMention() + " is locked: members cannot post there until "
                + "it is unlocked" + ChannelCases.caseSuffix(recorded));
    }
}
