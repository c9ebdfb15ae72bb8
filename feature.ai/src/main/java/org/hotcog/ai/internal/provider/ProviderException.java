package org.hotcog.ai.internal.provider;

import java.time.Duration;

/**
 * A provider call that failed, with what it had streamed before it failed: that partial answer is kept and, when
 * not empty, is an answer cut short.
 */
public final class ProviderException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, in the terms a person can be told. */
    public enum Kind {
        /** No first byte, or a silence between chunks, longer than the provider's timeout. */
        TIMEOUT,
        /** The key was refused (401, 403, Gemini's 400 {@code API_KEY_INVALID}). */
        UNAUTHORIZED,
        /** 429: too many requests, or a quota used up; {@link #retryAfter()} says when to try again. */
        RATE_LIMITED,
        /** A 5xx answer, or an error the provider reported in the middle of its stream. */
        SERVER_ERROR,
        /** The stream ended (or the connection dropped) before the provider's end of answer. */
        CUT_STREAM,
        /** A chunk that was not what the format says (broken JSON, a wrong shape). */
        MALFORMED_CHUNK,
        /** Another 4xx: an unknown model, images refused, a request the provider would not take. */
        REFUSED,
        /** The provider could not be reached (connection refused, unknown host, TLS failure). */
        UNREACHABLE
    }

    private final Kind kind;
    private final int status;
    private final transient Duration retryAfter;
    private final String partialText;

    /**
     * @param kind what went wrong
     * @param status the HTTP status, or 0 when there was none
     * @param message what the provider said, or what the client saw (never a key)
     * @param retryAfter when to try again, for {@link Kind#RATE_LIMITED}; else null
     * @param partialText the answer streamed before the failure, possibly empty
     * @param cause the underlying exception, or null
     */
    public ProviderException(Kind kind, int status, String message, Duration retryAfter, String partialText,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retryAfter = retryAfter;
        this.partialText = partialText == null ? "" : partialText;
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0. */
    public int status() {
        return status;
    }

    /** When to try again after a 429, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The answer streamed before the failure; empty if none came. */
    public String partialText() {
        return partialText;
    }

    /** Whether part of an answer came before the failure: it is kept, and shown as cut. */
    public boolean cut() {
        return !partialText.isEmpty();
    }

    /** The same failure after a retry that did not help, or with what was streamed since. */
    ProviderException withPartial(String partial) {
        return new ProviderException(kind, status, getMessage(), retryAfter, partial, getCause());
    }
}
