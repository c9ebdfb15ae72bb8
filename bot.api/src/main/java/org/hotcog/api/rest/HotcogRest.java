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
 */
public final class HotcogRest {
    /** Value of {@code osgi.jaxrs.name} of Hotcog's application. */
    public static final String APPLICATION_NAME = "hotcog";
    /** Filter for {@code @JaxrsApplicationSelect}. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    /** Where the application is served. */
    public static final String BASE_PATH = "/api";

    private HotcogRest() {
    }
}
