package org.hotcog.moderation.internal.actions;

import java.time.Duration;

import org.hotcog.moderation.internal.cases.CaseAction;

import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;

/**
 * One action to carry out and record.
 *
 * @param targetMember the target's membership, null when they are not in the server (bans, unbans)
 * @param moderator who acts: the moderator, or the bot itself for automatic actions
 * @param reason null when none was given
 * @param duration a timeout's length or a temporary ban's, else null
 * @param deleteMessageDays for bans and softbans: how many days of the target's messages to delete (0 to 7)
 * @param detail the case's detail (such as the automod rule that was broken), null for none
 */
public record Sanction(CaseAction action, Guild guild, User target, Member targetMember, User moderator,
        boolean automatic, String reason, Duration duration, int deleteMessageDays, String detail) {
    /** A sanction whose case has no detail: what moderators do by hand. */
    public Sanction(CaseAction action, Guild guild, User target, Member targetMember, User moderator,
            boolean automatic, String reason, Duration duration, int deleteMessageDays) {
        this(action, guild, target, targetMember, moderator, automatic, reason, duration, deleteMessageDays, null);
    }
}
