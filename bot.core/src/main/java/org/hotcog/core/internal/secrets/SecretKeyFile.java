package org.hotcog.core.internal.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.hotcog.core.internal.settings.OwnerOnlyFile;
import org.hotcog.core.internal.settings.SecretKeyText;
import org.hotcog.core.internal.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret key when none is configured: generated at the first start into an owner-only file in
 * the data folder, and read back from it afterwards. The file is never replaced: losing the key
 * makes every stored secret unreadable, so a damaged file stops the secret box with a message
 * rather than being silently regenerated.
 */
final class SecretKeyFile {
    static final String FILE_NAME = "secret-key";
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeyFile.class);

    private SecretKeyFile() {
    }

    /**
     * The key's bytes: the configured key when there is one, else the data folder's.
     *
     * @param configured the {@code secret.key} setting, possibly empty
     * @throws IOException when the file cannot be read or written, or does not hold a key
     */
    static byte[] resolve(String configured, Path dataDir) throws IOException {
        if (!configured.isEmpty()) {
            // Settings checked the form already; this is the same check, kept for a direct caller.
            return SecretKeyText.decode(configured).orElseThrow(() -> new IOException(Settings.SECRET_KEY.key()
                    + " (" + Settings.SECRET_KEY.environmentVariable() + ") is invalid; expected "
                    + Settings.SECRET_KEY.form().expected() + "."));
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            byte[] key = new byte[SecretKeyText.KEY_BYTES];
            new SecureRandom().nextBytes(key);
            try {
                OwnerOnlyFile.create(file, SecretKeyText.encode(key) + "\n");
                LOG.info("A secret key was generated into {} (readable by its owner only). Back it up with the "
                        + "database: the secrets stored there cannot be read without it.", file);
                return key;
            } catch (FileAlreadyExistsException e) {
                // another start got there first: use its key
            }
        }
        if (OwnerOnlyFile.isOpenToOthers(file)) {
            LOG.warn("{} can be read by others than its owner; chmod 600 it", file);
        }
        return SecretKeyText.decode(Files.readString(file, StandardCharsets.US_ASCII))
                .orElseThrow(() -> new IOException(file + " does not hold a secret key (" + SecretKeyText.KEY_BYTES
                        + " bytes in Base64). Restore it from a backup, or set " + Settings.SECRET_KEY.key()
                        + " to the key the stored secrets were sealed with."));
    }
}
