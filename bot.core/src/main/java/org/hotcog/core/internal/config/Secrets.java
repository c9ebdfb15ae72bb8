package org.hotcog.core.internal.config;

/**
 * The secrets of hotcog.properties and the environment, held in memory only. ConfigAdmin writes
 * configurations to disk in plain text, so the publisher never puts a secret into one; the
 * components that need a secret ask this service instead.
 */
public interface Secrets {
    /** The database password, or empty. */
    String databasePassword();

    /** The Discord bot token, or empty (offline mode). */
    String discordToken();

    /** The admin token of the REST API given in the configuration, or empty. */
    String adminToken();

    /** The key that seals the secrets modules store, in Base64, or empty (a generated one is used). */
    String secretKey();
}
