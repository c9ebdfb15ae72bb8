package org.hotcog.ai.internal.ask;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.hotcog.ai.internal.provider.Completion;
import org.hotcog.ai.internal.provider.ProviderException;
import org.hotcog.ai.internal.usage.Admission;

/** What a person is told when an answer does not come as asked: short, clear, and never a provider's secret. */
final class Notes {

    /** A provider's own message is quoted up to this length. */
    private static final int QUOTE = 200;

    private Notes() {
    }

    /**
     * @param refusal the quota reached
     * @param now the time now
     * @return e.g. "You reached your limit of 20 AI requests per hour; it resets in 42 min."
     */
    static String quota(Admission.Refused refusal, Instant now) {
        String whose = refusal.scope() == Admission.Scope.MEMBER ? "You reached your" : "This server reached its";
        String what = (refusal.measure() == Admission.Measure.REQUESTS ? "request" : "token")
                + (refusal.limit() == 1 ? "" : "s");
        String per = refusal.window() == Admission.Window.HOUR ? "per hour" : "per day";
        String limit = String.format(Locale.ROOT, "%,d", refusal.limit());
        if (refusal.resetsAt() == null) {
            return whose + " limit of " + limit + " AI " + what + " " + per + ".";
        }
        return whose + " limit of " + limit + " AI " + what + " " + per + "; it resets in "
                + humanize(Duration.between(now, refusal.resetsAt())) + ".";
    }

    /**
     * @param duration a positive duration
     * @return it rounded up for people: "30 s", "42 min", "3 h 5 min"
     */
    static String humanize(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        return minutes / 60 + " h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + " min");
    }

    /**
     * @param completion a finished answer
     * @return a note on how it ended, when that is worth saying; else empty
     */
    static String ending(Completion completion) {
        if (completion.text().isBlank()) {
            return "*The model gave no answer.*";
        }
        return switch (completion.finishReason()) {
            case LENGTH -> "\n-# The answer stopped at the model's length limit.";
            case FILTERED -> "\n-# The provider's content filter stopped the answer.";
            case STOP, OTHER -> "";
        };
    }

    /**
     * @param failure why the answer did not come, or stopped
     * @return what to tell: after a partial answer, as a line marking it cut
     */
    static String failure(ProviderException failure) {
        String reason = switch (failure.kind()) {
            case TIMEOUT -> "the AI provider took too long to answer";
            case UNAUTHORIZED -> "the AI provider refused this bot's key; an admin needs to check it";
            case RATE_LIMITED -> "the AI provider is busy" + (failure.retryAfter() == null ? ""
                    : "; try again in " + humanize(failure.retryAfter()));
            case SERVER_ERROR -> "the AI provider had an error";
            case CUT_STREAM -> "the connection to the AI provider dropped";
            case MALFORMED_CHUNK -> "the AI provider sent something unreadable";
            case REFUSED -> "the AI provider refused the request" + quote(failure.getMessage());
            case UNREACHABLE -> "the AI provider cannot be reached";
        };
        return failure.cut() ? "\n-# ⚠ The answer was cut: " + reason + "." : "⚠ No answer: " + reason + ".";
    }

    private static String quote(String message) {
        if (message == null || message.isBlank()) {
            return "";
        }
        String line = message.strip().replaceAll("\\s+", " ");
        return ": " + (line.length() <= QUOTE ? line : line.substring(0, QUOTE - 1) + "…");
    }
}
