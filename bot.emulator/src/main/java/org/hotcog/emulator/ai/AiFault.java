package org.hotcog.emulator.ai;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure a local provider injects into one request, answered in the wire format the request came in.
 * Make one with the factories; {@link LocalAiProvider#failNext(AiFault)} queues it.
 *
 * @param kind what goes wrong
 * @param status the HTTP status, for the kinds that answer an error
 * @param afterChunks for mid-stream kinds, how many frames are sent first
 * @param delay for the slow kinds, how long the provider waits
 */
public record AiFault(Kind kind, int status, int afterChunks, Duration delay) {

    /** What goes wrong. */
    public enum Kind {
        /** The response's first byte comes only after {@code delay}; then the answer is normal. */
        SLOW_FIRST_BYTE,
        /** 401 (Gemini: 400 {@code API_KEY_INVALID}, as Google answers a bad key), whatever key was sent. */
        UNAUTHORIZED,
        /** 429, with the retry delay in whole seconds ({@code Retry-After}; Gemini: {@code RetryInfo}). */
        RATE_LIMITED,
        /** A server error with {@code status} (500, 502, 503...). */
        SERVER_ERROR,
        /** The connection closes after {@code afterChunks} frames, without the stream's end. */
        CUT_STREAM,
        /** After {@code afterChunks} frames, one frame of broken JSON; the rest follows. */
        MALFORMED_CHUNK,
        /** After {@code afterChunks} frames, a pause of {@code delay}; the rest follows. */
        STALL,
        /**
         * After {@code afterChunks} frames, an error in the stream's own format (a frame holding the format's error
         * object, as a provider reports a failure once it has answered 200), and the stream ends.
         */
        ERROR_IN_STREAM
    }

    /** Checks the values. */
    public AiFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (afterChunks < 0 || delay.isNegative()) {
            throw new IllegalArgumentException("afterChunks and delay must not be negative");
        }
    }

    /**
     * @param delay how long before the response's first byte
     * @return the fault
     */
    public static AiFault slowFirstByte(Duration delay) {
        return new AiFault(Kind.SLOW_FIRST_BYTE, 200, 0, delay);
    }

    /** @return a refused key */
    public static AiFault unauthorized() {
        return new AiFault(Kind.UNAUTHORIZED, 401, 0, Duration.ZERO);
    }

    /**
     * @param retryAfterSeconds the delay the provider asks for, in whole seconds
     * @return a 429
     */
    public static AiFault rateLimited(int retryAfterSeconds) {
        return new AiFault(Kind.RATE_LIMITED, 429, 0, Duration.ofSeconds(retryAfterSeconds));
    }

    /**
     * @param status a 5xx status
     * @return the server error
     * @throws IllegalArgumentException if the status is not 5xx
     */
    public static AiFault serverError(int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("a server error is 5xx: " + status);
        }
        return new AiFault(Kind.SERVER_ERROR, status, 0, Duration.ZERO);
    }

    /**
     * @param afterChunks how many frames are sent before the connection closes
     * @return the cut
     */
    public static AiFault cutAfter(int afterChunks) {
        return new AiFault(Kind.CUT_STREAM, 200, afterChunks, Duration.ZERO);
    }

    /**
     * @param afterChunks how many good frames come first
     * @return the broken frame
     */
    public static AiFault malformedAfter(int afterChunks) {
        return new AiFault(Kind.MALFORMED_CHUNK, 200, afterChunks, Duration.ZERO);
    }

    /**
     * @param afterChunks how many frames come first
     * @return the error frame that ends the stream
     */
    public static AiFault errorAfter(int afterChunks) {
        return new AiFault(Kind.ERROR_IN_STREAM, 500, afterChunks, Duration.ZERO);
    }

    /**
     * @param afterChunks how many frames come first
     * @param delay how long the stream then stays silent
     * @return the stall
     */
    public static AiFault stallAfter(int afterChunks, Duration delay) {
        return new AiFault(Kind.STALL, 200, afterChunks, delay);
    }
}
