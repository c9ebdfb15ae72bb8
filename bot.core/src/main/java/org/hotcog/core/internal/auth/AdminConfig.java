package org.hotcog.core.internal.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Who may administer the bot, and how the REST API treats its callers; from hotcog.properties. */
@ObjectClassDefinition(id = AdminConfig.PID, name = "Hotcog administration",
        description = "Owners, API rate limits and CORS. Set them in hotcog.properties.")
public @interface AdminConfig {
    String PID = "org.hotcog.core.admin";

    @AttributeDefinition(name = "Data folder")
    String dataDir() default "data";

    @AttributeDefinition(name = "Owner ids", description = "Discord users allowed the owner-only commands.")
    long[] ownerIds() default {};

    @AttributeDefinition(name = "Rate limit", description = "Requests per second per token, bursts of twice that.")
    int rateLimit() default 50;

    @AttributeDefinition(name = "CORS origins", description = "Web origins allowed to call the API; none by default.")
    String[] corsOrigins() default {};
}
