package org.hotcog.moderation.internal.commands;

import org.hotcog.moderation.internal.actions.Sanctions;
import org.hotcog.moderation.internal.cases.CaseEmbeds;
import org.hotcog.moderation.internal.cases.ModCase;
import org.hotcog.moderation.internal.time.Durations;

/** How a command tells the moderator what it did. */
final class Replies {
    private Replies() {
    }

    /** "**bob** was banned for 7d (case #4). They were told by DM." */
    static String done(Sanctions.Outcome outcome) {
        ModCase c = outcome.recorded();
        StringBuilder text = new StringBuilder("**").append(CaseEmbeds.name(c.targetName())).append("** was ")
                .append(c.action().pastTense());
        if (c.duration() != null) {
            text.append(" for ").append(Durations.format(c.duration()));
        }
        text.append(" (case #").append(c.number()).append(").");
        if (c.reason() != null) {
            text.append(" Reason: ").append(c.reason());
        }
        switch (outcome.dm()) {
            case SENT -> text.append("\nThey were told by DM.");
            case UNREACHABLE -> text.append("\nI could not tell them by DM: they do not accept DMs from me.");
            case NOT_SENT -> {
            }
        }
        return text.toString();
    }

    /** The text with its first letter in upper case: a sentence made of a setting's problem. */
    static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
