package org.hotcog.core.internal.modules;

/** A module operation that was refused or failed, with the reason in words for the operator. */
public final class ModuleException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why, in the terms of the REST answer it becomes. */
    public enum Reason {
        /** No module with that id or name. (404) */
        NOT_FOUND(404),
        /** A core bundle, which keeps the bot running. (409) */
        PROTECTED(409),
        /** Conflicts with what is installed. (409) */
        CONFLICT(409),
        /** Not a bundle jar. (400) */
        INVALID_JAR(400),
        /** Larger than uploads may be. (413) */
        TOO_LARGE(413),
        /** Its requirements are not met; nothing was changed. (422) */
        UNRESOLVED(422),
        /** A component failed to activate; the previous state was restored. (422) */
        FAILED(422);

        private final int status;

        Reason(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }

        /** The stable code of the JSON error body, such as {@code not_found}. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Reason reason;

    public ModuleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
