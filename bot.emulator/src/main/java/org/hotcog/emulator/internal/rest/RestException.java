package org.hotcog.emulator.internal.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer in Discord's shape {@code {"message": ..., "code": ...}} (plus {@code errors} for invalid form
 * bodies), thrown by route handlers and rendered by {@link RestServer}.
 */
public final class RestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final int code;
    private final transient ObjectNode errors;

    /**
     * @param status the HTTP status
     * @param code Discord's JSON error code (0 for general errors)
     * @param message Discord's message text
     * @param errors the {@code errors} object for 50035 answers, or null
     */
    public RestException(int status, int code, String message, ObjectNode errors) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** Discord's JSON error code. */
    public int code() {
        return code;
    }

    /** The {@code errors} detail object, or null. */
    public ObjectNode errors() {
        return errors;
    }
}
