package org.hotcog.core.internal.secrets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.core.internal.config.Secrets;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Redacts the secrets Hotcog knows in a text about to be logged or stored where operators read it, such as a module's
 * exception in the command log: the configured ones (Discord token, database password, admin token, secret key) and
 * every secret a module has opened through the {@link SecretBox} (panel and provider keys).
 * Modules keep their secrets out of their messages; this catches the one that slips through.
 */
@Component(service = Redactor.class)
public final class Redactor {
    /** Shorter values would mask ordinary words of a message; no secret of Hotcog's is this short. */
    static final int SHORTEST = 8;

    private final Supplier<Stream<String>> configured;
    private final Set<String> opened = ConcurrentHashMap.newKeySet();

    @Activate
    public Redactor(@Reference Secrets secrets) {
        // read at each use: a reload of the configuration file may change them
        this(() -> Stream.of(secrets.discordToken(), secrets.databasePassword(), secrets.adminToken(),
                secrets.secretKey()));
    }

    Redactor(Supplier<Stream<String>> configured) {
        this.configured = configured;
    }

    /** Remembers a secret that was opened, to be masked from now on. */
    void remember(String secret) {
        if (secret != null && secret.length() >= SHORTEST) {
            opened.add(secret);
        }
    }

    /** The text with each known secret in its redacted form ({@link SecretBox#redactIn}); null for null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : (Iterable<String>) Stream.concat(configured.get(), opened.stream())::iterator) {
            if (secret != null && secret.length() >= SHORTEST && masked.contains(secret)) {
                masked = SecretBox.redactIn(masked, secret);
            }
        }
        return masked;
    }
}
