package org.hotcog.core.internal.secrets;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.api.secrets.UnreadableSecretException;
import org.hotcog.api.secrets.UnreadableSecretException.Reason;
import org.hotcog.core.internal.config.Secrets;
import org.hotcog.core.internal.settings.Settings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * AES-256-GCM with a random 96-bit nonce per seal. The sealed text is
 * {@code hsec1:<key id>:<base64url(nonce | ciphertext | tag)>}: the version names the format, so
 * that a later one can be read side by side, and the key id (from a hash of the key) tells a text
 * sealed with another key from a tampered one. Both are authenticated as associated data, so
 * neither can be swapped.
 *
 * <p>Immediate, so that a first start generates the key (and says where, to be backed up) and a damaged key file
 * is reported at start-up, not at the first module that needs a secret.
 */
@Component(service = SecretBox.class, configurationPid = SecretBoxConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = SecretBoxConfig.class)
public final class SecretBoxImpl implements SecretBox {
    static final String VERSION = "hsec1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SecretKeySpec key;
    private final String keyId;
    private final String prefix;
    private final SecureRandom random = new SecureRandom();
    /** Told every secret opened, so that it is masked wherever the core shows a module's error. */
    private final Redactor redactor;

    @Activate
    public SecretBoxImpl(@Reference Secrets secrets, @Reference Redactor redactor, SecretBoxConfig config)
            throws IOException {
        this(SecretKeyFile.resolve(secrets.secretKey(), Path.of(config.dataDir())), redactor);
    }

    SecretBoxImpl(byte[] key, Redactor redactor) {
        this.redactor = redactor;
        this.key = new SecretKeySpec(key, "AES");
        this.keyId = keyId(key);
        this.prefix = VERSION + ":" + keyId + ":";
    }

    /** Four bytes of a hash of the key: enough to tell keys apart, nothing to attack the key with. */
    private static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("hotcog secret key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(key), 4));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String seal(String plaintext) {
        if (plaintext == null || plaintext.isEmpty()) {
            throw new IllegalArgumentException("the secret to seal is empty");
        }
        if (plaintext.length() > MAX_SECRET_LENGTH) {
            throw new IllegalArgumentException("the secret to seal has " + plaintext.length()
                    + " characters; at most " + MAX_SECRET_LENGTH + " are accepted");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
        return prefix + ENCODER.encodeToString(out.array());
    }

    @Override
    public String open(String sealed) {
        if (!isSealed(sealed)) {
            throw new UnreadableSecretException(Reason.NOT_SEALED,
                    "the text is not a sealed secret (sealed secrets start with " + VERSION + ":)");
        }
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw tampered();
        }
        if (!parts[1].equals(keyId)) {
            throw new UnreadableSecretException(Reason.OTHER_KEY, "the secret was sealed with another key (key id "
                    + parts[1] + "; the key in use has id " + keyId + "). Set " + Settings.SECRET_KEY.key() + " ("
                    + Settings.SECRET_KEY.environmentVariable() + ") to the key it was sealed with, or enter the "
                    + "secret again.");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw tampered();
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw tampered();
        }
        byte[] plain = crypt(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES),
                Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
        String secret = new String(plain, StandardCharsets.UTF_8);
        redactor.remember(secret);
        return secret;
    }

    @Override
    public boolean isSealed(String text) {
        return text != null && text.startsWith(VERSION + ":");
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input) {
        try {
            // A Cipher is not thread-safe, and cheap to make: one per call.
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(prefix.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw tampered();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private static UnreadableSecretException tampered() {
        return new UnreadableSecretException(Reason.TAMPERED,
                "the sealed secret was altered or truncated and cannot be opened; enter the secret again");
    }
}
