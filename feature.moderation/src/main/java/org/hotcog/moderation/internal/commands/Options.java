package org.hotcog.moderation.internal.commands;

import java.time.Duration;

import org.hotcog.api.command.SlashCommandContext;
import org.hotcog.api.interaction.Refusal;
import org.hotcog.moderation.internal.time.Durations;

import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;

/** The options the moderation commands share, declared and read the same way everywhere. */
final class Options {
    static final String MEMBER = "member";
    static final String USER = "user";
    static final String REASON = "reason";
    static final String DURATION = "duration";
    static final String DELETE_DAYS = "delete-messages";
    /** Discord's limit for an audit log reason, and so for ours. */
    static final int REASON_LENGTH = 512;

    private Options() {
    }

    static OptionData member(String description) {
        return new OptionData(OptionType.USER, MEMBER, description, true);
    }

    static OptionData reason() {
        return new OptionData(OptionType.STRING, REASON, "Why; shown in the modlog and the server's audit log", false)
                .setMaxLength(REASON_LENGTH);
    }

    static OptionData deleteDays(int defaultDays) {
        return new OptionData(OptionType.INTEGER, DELETE_DAYS,
                "Days of their messages to delete, 0 to 7 (default " + defaultDays + ")", false).setRequiredRange(0, 7);
    }

    /** The reason typed, or null when none (or only spaces) was. */
    static String reason(SlashCommandContext ctx) {
        String reason = ctx.event().getOption(REASON, OptionMapping::getAsString);
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    /** The member named by the option, refusing a user who is not in the server. */
    static Member member(SlashCommandContext ctx, String option) {
        Member member = ctx.event().getOption(option, OptionMapping::getAsMember);
        if (member == null) {
            throw new Refusal("That user is not a member of this server.");
        }
        return member;
    }

    /** A duration option, refused with the expected form when it cannot be read or is out of range. */
    static Duration duration(SlashCommandContext ctx, Duration min, Duration max) {
        String text = ctx.event().getOption(DURATION, OptionMapping::getAsString);
        if (text == null) {
            return null;
        }
        try {
            return Durations.parse(text, min, max);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
    }

    static int deleteDays(SlashCommandContext ctx, int defaultDays) {
        return ctx.event().getOption(DELETE_DAYS, defaultDays, OptionMapping::getAsInt);
    }
}
