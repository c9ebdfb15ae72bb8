package org.hotcog.emulator.internal.ai;

/**
 * Why a request is refused, before each dialect words it in its own error shape.
 *
 * @param type what went wrong
 * @param status the HTTP status for server errors
 * @param detail the model, the invalid key, the retry delay in seconds, or the parse message, as the type needs
 */
record Problem(Type type, int status, String detail) {

    enum Type { MISSING_KEY, BAD_KEY, RATE_LIMITED, SERVER_ERROR, MODEL_NOT_FOUND, IMAGES_REFUSED, BAD_REQUEST }

    static Problem of(Type type, String detail) {
        return new Problem(type, 0, detail);
    }
}
