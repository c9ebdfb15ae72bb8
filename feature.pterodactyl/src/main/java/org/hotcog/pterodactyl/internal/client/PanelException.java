package org.hotcog.pterodactyl.internal.client;

import java.time.Duration;

/**
 * A panel call that failed, by cause: each subclass is one thing the caller handles differently (ask for a new
 * key, say the server is unknown, try later). Messages name the panel and never contain a key.
 */
public abstract sealed class PanelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    PanelException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the panel answered, or 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** 401: the key is wrong or was revoked. Trying again with the same key will not help. */
    public static final class Unauthorized extends PanelException {
        private static final long serialVersionUID = 1L;

        Unauthorized(String message) {
            super(401, message, null);
        }
    }

    /** 403: the key may not do this (an application key on the Client API, a missing permission). */
    public static final class Forbidden extends PanelException {
        private static final long serialVersionUID = 1L;

        Forbidden(String message) {
            super(403, message, null);
        }
    }

    /** 404: no such server or node, or one the key may not see (the panel does not tell them apart). */
    public static final class NotFound extends PanelException {
        private static final long serialVersionUID = 1L;

        NotFound(String message) {
            super(404, message, null);
        }
    }

    /** 429 still after the retries, or a wait longer than the caller may block; try again after {@link #retryAfter}. */
    public static final class RateLimited extends PanelException {
        private static final long serialVersionUID = 1L;
        private final Duration retryAfter;

        RateLimited(String message, Duration retryAfter) {
            super(429, message, null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    /** The server must be running for this (a console command to an offline server: the panel's 502). */
    public static final class ServerOffline extends PanelException {
        private static final long serialVersionUID = 1L;

        ServerOffline(String message) {
            super(502, message, null);
        }
    }

    /** Another 4xx: the panel refused the request as invalid (a 422 names the field). */
    public static final class Rejected extends PanelException {
        private static final long serialVersionUID = 1L;

        Rejected(int status, String message) {
            super(status, message, null);
        }
    }

    /** The panel is down, failing (5xx), slower than the timeout, or unreachable; a later call may work. */
    public static final class Unavailable extends PanelException {
        private static final long serialVersionUID = 1L;

        Unavailable(int status, String message, Throwable cause) {
            super(status, message, cause);
        }
    }

    /** The panel answered something that is not the Pterodactyl API (missing fields, not JSON). */
    public static final class BadResponse extends PanelException {
        private static final long serialVersionUID = 1L;

        BadResponse(String message) {
            super(0, message, null);
        }
    }
}
