package org.hotcog.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a token needs for a resource method (or every method of a resource class).
 * Without it, reading ({@code GET}, {@code HEAD}) needs {@link ApiRole#READ_ONLY} and any other
 * method {@link ApiRole#ADMIN}:
 * {@snippet :
 * @POST
 * @Path("{guildId}/refresh")
 * @RequiresRole(ApiRole.OPERATOR)
 * public void refresh(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) { ... }
 * }
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface RequiresRole {
    ApiRole value();
}
