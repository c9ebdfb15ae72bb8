package org.hotcog.core.internal.auth;

import java.time.Instant;
import java.util.Set;

import org.hotcog.api.rest.ApiRole;

/**
 * A REST API token as it is stored and listed; never its secret.
 *
 * @param id public identifier, the part of the secret after {@code hc_} and before the second {@code _}
 * @param name what the operator called it
 * @param role what it may do
 * @param guildIds the guilds its feature requests may name; empty for every guild
 * @param rateLimit its own requests per second, or null for the configured default
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param revokedAt when it was revoked, or null while it is valid
 */
public record ApiToken(String id, String name, ApiRole role, Set<Long> guildIds, Integer rateLimit,
        Instant createdAt, String createdBy, Instant revokedAt) {

    public boolean allowsGuild(long guildId) {
        return guildIds.isEmpty() || guildIds.contains(guildId);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
