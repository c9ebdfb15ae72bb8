package org.hotcog.core.internal.discord;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The Discord connection, published from hotcog.properties by the configuration publisher, or
 * by the local Discord in offline mode.
 */
@ObjectClassDefinition(id = DiscordConfig.PID, name = "Hotcog Discord connection",
        description = "Where and as whom the bot connects to Discord.")
public @interface DiscordConfig {
    String PID = "org.hotcog.core.discord";

    /**
     * Set only by the offline local Discord, whose token protects nothing; a real token comes from
     * {@code Secrets}, because configurations are stored in plain text. Not a password attribute:
     * those are sealed in the store, and the rewrite would restart the connection at every start.
     */
    @AttributeDefinition(name = "Local bot token", description = "The offline local Discord's; protects nothing.")
    String _token() default "";

    @AttributeDefinition(name = "REST base URL", description = "Empty for Discord.")
    String apiUrl() default "";

    @AttributeDefinition(name = "Gateway URL", description = "Empty for Discord.")
    String gatewayUrl() default "";

    @AttributeDefinition(name = "Shard ids", description = "Empty for all shards.")
    int[] shardIds() default {};

    @AttributeDefinition(name = "Shard total", description = "0 lets Discord recommend a total.")
    int shardTotal() default 0;

    @AttributeDefinition(name = "Development guilds",
            description = "Register commands in these guilds instead of globally.")
    long[] devGuilds() default {};
}
