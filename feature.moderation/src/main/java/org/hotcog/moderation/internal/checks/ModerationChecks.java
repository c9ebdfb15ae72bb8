package org.hotcog.moderation.internal.checks;

import java.util.Arrays;

import org.hotcog.api.interaction.InteractionContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.User;

/**
 * The checks every moderation command makes before it acts, each refusing with a sentence that
 * says what is missing: who may moderate, whom, with what reason, and whether the bot can.
 */
@Component(service = ModerationChecks.class)
public final class ModerationChecks {
    private final SettingsStore settings;

    @Activate
    public ModerationChecks(@Reference SettingsStore settings) {
        this.settings = settings;
    }

    /**
     * Refuses unless the user may moderate: the action's Discord permission, or one of the
     * guild's moderator roles.
     *
     * @return the guild's settings, for the checks that follow
     */
    public ModerationSettings requireModerator(InteractionContext ctx, CaseAction action) {
        Member member = ctx.member();
        if (member == null) {
            throw new Refusal("This works in a server only.");
        }
        ModerationSettings guildSettings = settings.get(member.getGuild().getIdLong());
        if (!isModerator(member, action.permission(), guildSettings)) {
            throw new Refusal("You need the " + action.permission().getName()
                    + " permission or a moderator role to use this.");
        }
        return guildSettings;
    }

    /**
     * Refuses unless the user may moderate at all: any moderation permission, or a moderator role.
     * For what concerns every action, such as reading cases.
     */
    public void requireAnyModerator(InteractionContext ctx) {
        if (!isAnyModerator(ctx.member())) {
            throw new Refusal("You need the Kick Members, Ban Members or Timeout Members permission or a moderator "
                    + "role to use this.");
        }
    }

    /** Whether the member has any moderation permission or a moderator role. */
    public boolean isAnyModerator(Member member) {
        if (member == null) {
            throw new Refusal("This works in a server only.");
        }
        ModerationSettings guildSettings = settings.get(member.getGuild().getIdLong());
        return Arrays.stream(CaseAction.values()).filter(CaseAction::sanctionsMember)
                .anyMatch(a -> isModerator(member, a.permission(), guildSettings));
    }

    /** Whether the member has the permission (or is an administrator) or a moderator role. */
    public boolean isModerator(Member member, Permission permission, ModerationSettings guildSettings) {
        return member.hasPermission(permission)
                || member.getRoles().stream().anyMatch(role -> guildSettings.moderatorRoles().contains(role.getIdLong()));
    }

    /** Refuses an empty reason when the guild requires one. */
    public void requireReason(ModerationSettings guildSettings, String reason) {
        if (guildSettings.requireReason() && (reason == null || reason.isBlank())) {
            throw new Refusal("This server requires a reason for every action: add one with the reason option.");
        }
    }

    /**
     * Refuses a target the moderator or the bot may not act on: oneself, the owner, the bot,
     * anyone whose highest role is not below the moderator's or the bot's.
     *
     * @param target the user acted on
     * @param targetMember the target's membership, or null when they are not in the server
     */
    public void requireTarget(InteractionContext ctx, CaseAction action, User target, Member targetMember) {
        Guild guild = ctx.guild();
        String verb = verb(action);
        if (target.getIdLong() == ctx.user().getIdLong()) {
            throw new Refusal("You cannot " + verb + " yourself.");
        }
        if (target.getIdLong() == guild.getSelfMember().getIdLong()) {
            throw new Refusal("I will not " + verb + " myself.");
        }
        if (target.getIdLong() == guild.getOwnerIdLong()) {
            throw new Refusal("Nobody can " + verb + " the server owner.");
        }
        if (targetMember == null) {
            return;
        }
        String who = CaseEmbeds.name(target.getName());
        if (!ctx.member().canInteract(targetMember)) {
            throw new Refusal("You cannot " + verb + " " + who
                    + ": their highest role is not below yours.");
        }
        if (action.actsOnDiscord()) {
            requireBotCanTarget(action, targetMember);
        }
    }

    /** The bot's half of {@link #requireTarget}, for automatic actions too. */
    public void requireBotCanTarget(CaseAction action, Member targetMember) {
        Member self = targetMember.getGuild().getSelfMember();
        String who = CaseEmbeds.name(targetMember.getUser().getName());
        if (!self.canInteract(targetMember)) {
            throw new Refusal("I cannot " + verb(action) + " " + who
                    + ": their highest role is not below mine. Move my role above theirs.");
        }
        if (action == CaseAction.TIMEOUT && targetMember.hasPermission(Permission.ADMINISTRATOR)) {
            throw new Refusal(who + " is an administrator, and Discord does not let administrators be timed out.");
        }
        if (!self.hasPermission(action.permission())) {
            throw new Refusal("I need the " + action.permission().getName() + " permission in this server to "
                    + verb(action) + " members.");
        }
    }

    /** Refuses when the bot lacks the action's permission in the server. */
    public void requireBotPermission(InteractionContext ctx, CaseAction action) {
        ctx.requireBotPermissions(null, action.permission());
    }

    private static String verb(CaseAction action) {
        return switch (action) {
            case KICK -> "kick";
            case BAN -> "ban";
            case UNBAN -> "unban";
            case SOFTBAN -> "softban";
            case TIMEOUT -> "time out";
            case UNTIMEOUT -> "lift the timeout of";
            case WARN -> "warn";
            case UNWARN -> "clear warnings of";
            case DELETE -> "remove messages of";
            case PURGE -> "purge";
            case SLOWMODE -> "slow down";
            case LOCK -> "lock";
            case UNLOCK -> "unlock";
        };
    }
}
