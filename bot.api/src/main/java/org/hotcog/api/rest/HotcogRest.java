package org.hotcog.api.rest;

/**
 * Names that tie a JAX-RS resource to Hotcog's application.
 *
 * <p>A bundle contributes a resource by registering a JAX-RS whiteboard component that selects
 * the application by name; it is then served under {@link #BASE_PATH}:
 * {@snippet :
 * @Component(service = GreetingResource.class)
 * @JaxrsResource
 * @JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
 * @Path("greetings")
 * public final class GreetingResource { ... }
 * }
 * Every resource of the application answers JSON; errors carry an {@link ApiError} body.
 *
 * <p>Every request but {@code GET /api/health} needs a bearer token, whose role must include what
 * the method asks with {@link RequiresRole}. A token can be limited to some guilds: a resource
 * that works on one guild names it with the path parameter {@link #GUILD_PARAMETER}, and tokens of
 * other guilds are refused before the method runs. The caller is the request's
 * {@code SecurityContext}: its principal is the token's name, its roles the {@link ApiRole} wire names.
 */
public final class HotcogRest {
    /** Value of {@code osgi.jaxrs.name} of Hotcog's application. */
    public static final String APPLICATION_NAME = "hotcog";
    /** Filter for {@code @JaxrsApplicationSelect}. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    /** Where the application is served. */
    public static final String BASE_PATH = "/api";
    /** The path parameter that names the guild a request works on, such as {@code guilds/{guildId}/...}. */
    public static final String GUILD_PARAMETER = "guildId";

    private HotcogRest() {
    }
}
