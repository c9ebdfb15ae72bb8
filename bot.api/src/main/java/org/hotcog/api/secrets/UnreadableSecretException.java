package org.hotcog.api.secrets;

/**
 * A sealed secret could not be opened: it is not a sealed text, it was sealed with another key,
 * or it was altered. The message says which and never contains the sealed text or any part of
 * the secret. The caller should treat the secret as missing (and ask for it again) rather than
 * retry.
 */
public final class UnreadableSecretException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the text cannot be opened. */
    public enum Reason {
        /** The text is not in the sealed form, or is in a form this version cannot read. */
        NOT_SEALED,
        /** The text was sealed with a different secret key than the one configured now. */
        OTHER_KEY,
        /** The text has the sealed form and key, but was altered or truncated. */
        TAMPERED
    }

    private final Reason reason;

    public UnreadableSecretException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
