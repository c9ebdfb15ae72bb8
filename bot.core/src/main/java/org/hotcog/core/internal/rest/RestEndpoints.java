package org.hotcog.core.internal.rest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.hotcog.api.rest.HotcogRest;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

/**
 * Every endpoint of Hotcog's REST application as the JAX-RS whiteboard serves it right now, with
 * the bundle that contributed it: for a module's detail and the OpenAPI document.
 */
@Component(service = RestEndpoints.class)
public final class RestEndpoints {
    /**
     * One resource method.
     *
     * @param method the HTTP method
     * @param path the full path, such as {@code /api/modules/{id}}
     * @param bundleId the bundle whose resource serves it
     * @param consumes media types of the body, empty when it takes none
     * @param produces media types of the answer
     */
    public record Endpoint(String method, String path, long bundleId, List<String> consumes, List<String> produces) {
    }

    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;

    @Activate
    public RestEndpoints(BundleContext context, @Reference JaxrsServiceRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    public List<Endpoint> list() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ApplicationDTO application : runtime.getRuntimeDTO().applicationDTOs) {
            if (!HotcogRest.APPLICATION_NAME.equals(application.name)) {
                continue;
            }
            for (ResourceDTO resource : application.resourceDTOs) {
                long bundleId = bundleOf(resource.serviceId);
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    if (method.method == null) {
                        continue; // a sub-resource locator: its methods are listed with its own resource
                    }
                    endpoints.add(new Endpoint(method.method, join(HotcogRest.BASE_PATH, method.path), bundleId,
                            list(method.consumingMimeType), list(method.producingMimeType)));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private long bundleOf(long serviceId) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
            return references == null ? -1 : references[0].getBundle().getBundleId();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(String base, String path) {
        String joined = "/" + base + "/" + (path == null ? "" : path);
        joined = joined.replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
