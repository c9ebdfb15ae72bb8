package org.hotcog.core.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;

/**
 * Every endpoint of Hotcog's application, those of features included, as the whiteboard serves
 * them right now, with the bundle that contributes each: for a module's detail and for the OpenAPI
 * 3 document. The resources' JAX-RS annotations give paths, methods, parameters and media types,
 * {@link RequiresRole} the role each needs.
 */
@Component(service = RestCatalog.class)
public final class RestCatalog {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*(?::\\s*([^}]+))?}");

    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;

    @Activate
    public RestCatalog(BundleContext context, @Reference JaxrsServiceRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
    }

    /**
     * One resource method.
     *
     * @param method the HTTP method
     * @param path the path below {@code /api}, such as {@code /modules/{id}}
     * @param bundleId the bundle whose resource serves it
     * @param operation its OpenAPI operation object
     */
    public record Endpoint(String method, String path, long bundleId, Map<String, Object> operation) {
    }

    public List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (ApplicationDTO application : runtime.getRuntimeDTO().applicationDTOs) {
            if (HotcogRest.APPLICATION_NAME.equals(application.name)) {
                for (ResourceDTO resource : application.resourceDTOs) {
                    describeResource(resource.serviceId, endpoints);
                }
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    public Map<String, Object> openApi() {
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (Endpoint endpoint : endpoints()) {
            paths.computeIfAbsent(endpoint.path(), p -> new TreeMap<>())
                    .put(endpoint.method().toLowerCase(Locale.ROOT), endpoint.operation());
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", "3.0.3");
        document.put("info", Map.of("title", "Hotcog REST API", "version", context.getBundle().getVersion().toString(),
                "description", "Every request but GET /health needs \"Authorization: Bearer <token>\". "
                        + "Errors are {\"error\": code, \"message\": sentence}."));
        document.put("servers", List.of(Map.of("url", HotcogRest.BASE_PATH)));
        document.put("security", List.of(Map.of("bearer", List.of())));
        document.put("paths", paths);
        document.put("components", Map.of(
                "securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer")),
                "schemas", Map.of("ApiError", Map.of("type", "object", "required", List.of("error", "message"),
                        "properties", Map.of("error", Map.of("type", "string"), "message", Map.of("type", "string"))))));
        return document;
    }

    private void describeResource(long serviceId, List<Endpoint> endpoints) {
        ServiceReference<?> reference = reference(serviceId);
        if (reference == null) {
            return;
        }
        Object resource = context.getService(reference);
        if (resource == null) {
            return;
        }
        try {
            Class<?> type = resource.getClass();
            Bundle bundle = reference.getBundle();
            String tag = bundle.getHeaders("").get(org.hotcog.api.module.ModuleHeaders.MODULE);
            tag = tag != null ? tag : bundle.getBundleId() == context.getBundle().getBundleId() ? "core"
                    : bundle.getSymbolicName();
            String classPath = path(type.getAnnotation(javax.ws.rs.Path.class));
            for (Method method : type.getMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                List<Map<String, Object>> parameters = new ArrayList<>();
                String path = template(join(classPath, path(method.getAnnotation(javax.ws.rs.Path.class))), parameters);
                endpoints.add(new Endpoint(httpMethod, path, bundle.getBundleId(),
                        operation(type, method, httpMethod, tag, parameters)));
            }
        } finally {
            context.ungetService(reference);
        }
    }

    private static Map<String, Object> operation(Class<?> type, Method method, String httpMethod, String tag,
            List<Map<String, Object>> pathParameters) {
        Map<String, Object> operation = new LinkedHashMap<>();
        operation.put("tags", List.of(tag));
        operation.put("operationId", type.getSimpleName() + "." + method.getName());
        ApiRole role = role(type, method, httpMethod);
        operation.put("description", "Needs the role " + role.wireName() + ".");
        operation.put("x-hotcog-role", role.wireName());
        List<Map<String, Object>> parameters = new ArrayList<>(pathParameters);
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                parameters.add(Map.of("name", query.value(), "in", "query", "required", false,
                        "schema", Map.of("type", schemaType(parameter.getType()))));
            } else if (isBody(parameter)) {
                operation.put("requestBody", Map.of("required", true, "content",
                        mediaTypes(method.getAnnotation(Consumes.class), type.getAnnotation(Consumes.class),
                                MediaType.APPLICATION_JSON, parameter.getType())));
            }
        }
        if (!parameters.isEmpty()) {
            operation.put("parameters", parameters);
        }
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("2XX", Map.of("description", "Done", "content", mediaTypes(method.getAnnotation(Produces.class),
                type.getAnnotation(Produces.class), MediaType.APPLICATION_JSON, method.getReturnType())));
        responses.put("default", Map.of("description", "An error", "content", Map.of(MediaType.APPLICATION_JSON,
                Map.of("schema", Map.of("$ref", "#/components/schemas/ApiError")))));
        operation.put("responses", responses);
        return operation;
    }

    private static boolean isBody(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            String name = annotation.annotationType().getPackageName();
            if (name.equals(PathParam.class.getPackageName()) || annotation instanceof Context) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> mediaTypes(Consumes onMethod, Consumes onType, String fallback, Class<?> type) {
        return mediaTypes(onMethod != null ? onMethod.value() : onType != null ? onType.value() : null, fallback, type);
    }

    private static Map<String, Object> mediaTypes(Produces onMethod, Produces onType, String fallback, Class<?> type) {
        return mediaTypes(onMethod != null ? onMethod.value() : onType != null ? onType.value() : null, fallback, type);
    }

    private static Map<String, Object> mediaTypes(String[] declared, String fallback, Class<?> type) {
        Map<String, Object> content = new LinkedHashMap<>();
        for (String mediaType : declared != null ? declared : new String[] { fallback }) {
            content.put(mediaType, Map.of("schema", Map.of("type", schemaType(type), "x-java-type", type.getSimpleName())));
        }
        return content;
    }

    private static String schemaType(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (java.io.InputStream.class.isAssignableFrom(type)) {
            return "string";
        }
        return "object";
    }

    private static ApiRole role(Class<?> type, Method method, String httpMethod) {
        RequiresRole declared = method.getAnnotation(RequiresRole.class);
        declared = declared != null ? declared : type.getAnnotation(RequiresRole.class);
        if (declared != null) {
            return declared.value();
        }
        return "GET".equals(httpMethod) || "HEAD".equals(httpMethod) ? ApiRole.READ_ONLY : ApiRole.ADMIN;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Turns {@code {operation: start|stop}} into {@code {operation}} and describes each path parameter. */
    private static String template(String path, List<Map<String, Object>> parameters) {
        Matcher matcher = TEMPLATE.matcher(path);
        StringBuilder plain = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "string");
            if (matcher.group(2) != null && matcher.group(2).matches("[\\w|\\s-]+")) {
                schema.put("enum", List.of(matcher.group(2).trim().split("\\s*\\|\\s*")));
            }
            parameters.add(Map.of("name", name, "in", "path", "required", true, "schema", schema));
            matcher.appendReplacement(plain, Matcher.quoteReplacement("{" + name + "}"));
        }
        matcher.appendTail(plain);
        return plain.toString();
    }

    private static String path(javax.ws.rs.Path path) {
        return path == null ? "" : path.value();
    }

    private static String join(String first, String second) {
        String joined = ("/" + first + "/" + second).replaceAll("/{2,}", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private ServiceReference<?> reference(long serviceId) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
            return references == null ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
