package org.hotcog.moderation.internal.commands;

import java.time.Duration;
import java.util.function.Supplier;

import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.moderation.internal.actions.Sanction;
import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.checks.ModerationChecks;
import org.hotcog.moderation.internal.settings.ModerationSettings;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;

/**
 * The flow of the commands that act on one user: the moderator's right first, then the reason,
 * the options, the target and the bot's permission, and only then the action and the answer.
 */
final class Moderate {
    private Moderate() {
    }

    /**
     * @param targetMember null for a user who is not in the server
     * @param readOptions reads and checks the command's own options once the moderator is known to be
     *     one, and returns the duration (null for none)
     */
    static void act(SlashCommandContext ctx, ModerationChecks checks, Sanctions sanctions, CaseAction action,
            User target, Member targetMember, Supplier<Duration> readOptions, int deleteMessageDays) {
        ModerationSettings settings = checks.requireModerator(ctx, action);
        String reason = Options.reason(ctx);
        checks.requireReason(settings, reason);
        Duration length = readOptions.get();
        checks.requireTarget(ctx, action, target, targetMember);
        checks.requireBotPermission(ctx, action);
        Sanctions.Outcome outcome = sanctions.apply(new Sanction(action, ctx.guild(), target, targetMember,
                ctx.user(), false, reason, length, deleteMessageDays));
        ctx.reply().send(Replies.done(outcome));
    }
}
