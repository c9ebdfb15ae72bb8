package org.hotcog.api.secrets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps secrets encrypted at rest. {@link #seal} turns a secret into a text that is safe to store
 * in a table or a configuration (ASCII, no whitespace, at most about 4/3 of the secret's length
 * plus 50 characters); {@link #open} gives the secret back. Sealed texts are encrypted and
 * authenticated with the bot's secret key (AES-256-GCM, a fresh nonce each time, so sealing the
 * same secret twice gives two different texts): without the key they reveal nothing, and a changed
 * character makes them unreadable rather than wrong.
 *
 * <p>The key comes from the {@code secret.key} setting ({@code HOTCOG_SECRET_KEY}), or is
 * generated once into the data folder. Several processes sharing one database must be given the
 * same key.
 *
 * {@snippet :
 * String stored = secrets.seal("ptlc_4f2…");      // "hsec1:…", store this
 * String key = secrets.open(stored);              // "ptlc_4f2…", use it, never log it
 * log.info("Linked key {}", SecretBox.redact(key)); // "ptlc_…9Xa1"
 * }
 *
 * <p>Thread-safe. Never log, answer or store the plaintext; show {@link #redact} instead.
 */
@ProviderType
public interface SecretBox {
    /** Shown in place of a secret too short to show any part of. */
    String HIDDEN = "••••";

    /** Longest secret {@link #seal} accepts, in characters. */
    int MAX_SECRET_LENGTH = 16_384;

    /**
     * Encrypts a secret.
     *
     * @param plaintext the secret, 1 to {@value #MAX_SECRET_LENGTH} characters
     * @return the sealed text, starting with {@code hsec1:}
     * @throws IllegalArgumentException when the secret is null, empty or too long
     */
    String seal(String plaintext);

    /**
     * Decrypts a text made by {@link #seal}.
     *
     * @throws UnreadableSecretException when the text is not sealed, was sealed with another key,
     *     or was altered; the exception's reason tells which
     */
    String open(String sealed);

    /**
     * Whether a text has the sealed form (its prefix), for telling a stored sealed value from one
     * an operator typed in plain. Says nothing about whether it can be opened.
     */
    boolean isSealed(String text);

    /**
     * A secret as it may be shown: a short type prefix such as {@code ptlc_} or {@code sk-} and
     * the last four characters when the secret is long enough (20 characters or more) for that to
     * leave most of it hidden, else {@value #HIDDEN}.
     *
     * {@snippet :
     * SecretBox.redact("ptlc_aB3dE5fG7hI9jK1lM3nO5pQ7"); // "ptlc_…5pQ7"
     * SecretBox.redact("hunter2");                       // "••••"
     * }
     *
     * @param secret the secret, or null
     * @return never null; {@value #HIDDEN} for null or empty
     */
    static String redact(String secret) {
        if (secret == null || secret.length() < 20) {
            return HIDDEN;
        }
        Matcher prefix = Pattern.compile("^[A-Za-z]{2,8}[_-]").matcher(secret);
        return (prefix.find() ? prefix.group() : "") + "…" + secret.substring(secret.length() - 4);
    }

    /**
     * A text (an error message, a panel's answer) with every occurrence of a secret replaced by its
     * {@link #redact redacted form}, for logging text that may echo the secret back.
     *
     * @param text the text, or null
     * @param secret the secret, or null (then the text is returned as it is)
     */
    static String redactIn(String text, String secret) {
        if (text == null || secret == null || secret.isEmpty()) {
            return text;
        }
        return text.replace(secret, redact(secret));
    }
}
