package org.hotcog.core.internal.settings;

import java.util.Base64;
import java.util.Optional;

/**
 * The text form of the secret key: 32 bytes in Base64, either alphabet, padded or not, so that
 * {@code openssl rand -base64 32} and a URL-safe generator both work.
 */
public final class SecretKeyText {
    /** Bytes of an AES-256 key. */
    public static final int KEY_BYTES = 32;

    private SecretKeyText() {
    }

    /** The key's bytes, or empty when the text is not 32 bytes in Base64. */
    public static Optional<byte[]> decode(String text) {
        String trimmed = text.trim();
        try {
            byte[] key = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
            return key.length == KEY_BYTES ? Optional.of(key) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String encode(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
