package org.hotcog.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.hotcog.core.internal.settings.Settings;

/**
 * The web console's user and password. There is no default password: unless one is configured,
 * the first start generates one into an owner-only file in the data folder and later starts read
 * it back. The console only ever receives a hash.
 *
 * @param user the user name
 * @param passwordHash the password in the Web Console's hashed form, {@code {sha-256}base64}
 * @param generatedFile the file holding a generated password, or null when it was configured
 */
record ConsoleCredentials(String user, String passwordHash, Path generatedFile) {
    static final String PASSWORD_FILE = "console-password";

    static ConsoleCredentials resolve(Settings settings, Path dataDir) throws IOException {
        String user = settings.get(Settings.CONSOLE_USER);
        if (settings.isSet(Settings.CONSOLE_PASSWORD)) {
            return new ConsoleCredentials(user, hash(settings.get(Settings.CONSOLE_PASSWORD)), null);
        }
        Path file = dataDir.resolve(PASSWORD_FILE);
        String password;
        if (Files.isRegularFile(file)) {
            password = Files.readString(file, StandardCharsets.UTF_8).trim();
        } else {
            password = generatePassword();
            DataFolder.writeOwnerOnly(file, password + "\n");
        }
        return new ConsoleCredentials(user, hash(password), file);
    }

    static String generatePassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** The Web Console compares {@code {sha-256}} followed by the Base64 SHA-256 of the UTF-8 password. */
    static String hash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "{sha-256}" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
