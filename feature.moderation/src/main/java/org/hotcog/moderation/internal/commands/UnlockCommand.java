package org.hotcog.moderation.internal.commands;

import java.util.Optional;
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
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.requests.RestAction;

/**
 * {@code /unlock [channel] [reason]}: ends a lock. The permissions a lock denies go back to what
 * the {@code @everyone} overwrite had before {@code /lock}; a channel that was locked by hand loses
 * those denies.
 */
@Component
public final class UnlockCommand implements SlashCommand {
    private final ModerationChecks checks;
    private final CaseRecorder recorder;
    private final LockStore locks;

    @Activate
    public UnlockCommand(@Reference ModerationChecks checks, @Reference CaseRecorder recorder,
            @Reference LockStore locks) {
        this.checks = checks;
        this.recorder = recorder;
        this.locks = locks;
    }

    @Override
    public SlashCommandData data() {
        return Commands.slash("unlock", "Lets members post in a locked channel again")
                .addOptions(ChannelCases.channelOption("The channel (this one if left out)"), Options.reason())
                .setContexts(InteractionContextType.GUILD);
    }

    @Override
    public void handle(SlashCommandContext ctx) {
        ChannelCases.Target target = ChannelCases.begin(ctx, checks, CaseAction.UNLOCK, Permission.VIEW_CHANNEL,
                Permission.MANAGE_PERMISSIONS);
        TextChannel channel = target.channel();
        String reason = target.reason();
        long guildId = ctx.guild().getIdLong();
        LockCommand.Everyone everyone = LockCommand.Everyone.of(channel);
        Optional<LockStore.Lock> lock = locks.find(guildId, channel.getIdLong());
        if (lock.isEmpty() && !everyone.sendDenied()) {
            throw new Refusal(channel.getAsMention() + " is not locked.");
        }
        long newAllow = (everyone.allow() & ~LockCommand.LOCKED)
                | lock.map(l -> l.previousAllow() & LockCommand.LOCKED).orElse(0L);
        long newDeny = (everyone.deny() & ~LockCommand.LOCKED)
                | lock.map(l -> l.previousDeny() & LockCommand.LOCKED).orElse(0L);
        boolean hadOverwrite = lock.map(LockStore.Lock::hadOverwrite).orElse(true);
        // Without an overwrite (removed by hand since the lock) nothing is denied: only the record is left.
        if (everyone.override() != null) {
            RestAction<?> restore = newAllow == 0 && newDeny == 0 && !hadOverwrite
                    ? everyone.override().delete().reason(reason)
                    : everyone.override().getManager().setAllowed(newAllow).setDenied(newDeny).reason(reason);
            restore.timeout(LockCommand.DISCORD_TIMEOUT_SECONDS, TimeUnit.SECONDS).complete();
        }
        ModCase recorded = ChannelCases.record(recorder, ctx, CaseAction.UNLOCK, channel, reason, null, null,
                locks.forget(guildId, channel.getIdLong()));
        ctx.reply().send("🔓 " + channel.getAsMention() + " is unlocked" + ChannelCases.caseSuffix(recorded));
    }
}
