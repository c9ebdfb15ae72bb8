package org.hotcog.core.internal.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.hotcog.core.internal.audit.AuditLog;
import org.hotcog.core.internal.discord.DiscordGateway;
import org.hotcog.core.internal.discord.GuildInfo;
import org.hotcog.core.internal.auth.TokenStore;
import org.hotcog.core.internal.metrics.PrometheusReport;
import org.hotcog.core.internal.modules.ModuleDirectory;
import org.hotcog.core.internal.modules.ModuleException;
import org.hotcog.core.internal.modules.ModuleInfo;
import org.hotcog.core.internal.modules.ModuleManager;
import org.hotcog.core.internal.rest.JsonProvider;
import org.hotcog.core.internal.rest.ModuleDetails;
import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web console's "Hotcog" tab: modules with their versions, states, commands and REST paths,
 * and buttons to update, roll back, stop and start them; guilds; live metrics; API tokens; the
 * audit log. Its page calls this servlet's own JSON actions, under the console's login, so that
 * an operator needs no API token to use it; every action goes through the same module manager and
 * token store as the REST API, and lands in the audit log as {@code console:<user>}.
 *
 * <p>Actions must carry the header {@code X-Hotcog-Console}: a page of another site can make the
 * browser send the console's credentials with a plain form post, but not with a custom header.
 */
@Component(service = Servlet.class, property = {
        "felix.webconsole.label=" + HotcogConsolePlugin.LABEL,
        "felix.webconsole.title=Hotcog",
        "felix.webconsole.category=Hotcog" })
public final class HotcogConsolePlugin extends AbstractServlet {
    static final String LABEL = "hotcog";
    static final String ACTION_HEADER = "X-Hotcog-Console";
    private static final long serialVersionUID = 1L;
    private static final String JAR = "application/java-archive";

    private final transient ServiceOnFirstUse<ModuleDirectory> directory;
    private final transient ServiceOnFirstUse<ModuleManager> manager;
    private final transient ServiceOnFirstUse<ModuleDetails> details;
    private final transient ServiceOnFirstUse<PrometheusReport> metrics;
    private final transient ServiceOnFirstUse<TokenStore> tokens;
    private final transient ServiceOnFirstUse<AuditLog> audit;
    /**
     * The API's mapping, but with longs as text: the page's JavaScript numbers would round Discord's
     * 19-digit ids. Text comes back in as a long all the same.
     */
    private final transient ObjectMapper json = JsonProvider.newMapper()
            .registerModule(new SimpleModule().addSerializer(Long.class, ToStringSerializer.instance)
                    .addSerializer(Long.TYPE, ToStringSerializer.instance));
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private transient volatile DiscordGateway gateway;

    /** The services this tab uses are obtained on its first request, not now: see {@link ServiceOnFirstUse}. */
    @Activate
    public HotcogConsolePlugin(@Reference ComponentServiceObjects<ModuleDirectory> directory,
            @Reference ComponentServiceObjects<ModuleManager> manager,
            @Reference ComponentServiceObjects<ModuleDetails> details,
            @Reference ComponentServiceObjects<PrometheusReport> metrics,
            @Reference ComponentServiceObjects<TokenStore> tokens,
            @Reference ComponentServiceObjects<AuditLog> audit) {
        this.directory = new ServiceOnFirstUse<>(directory);
        this.manager = new ServiceOnFirstUse<>(manager);
        this.details = new ServiceOnFirstUse<>(details);
        this.metrics = new ServiceOnFirstUse<>(metrics);
        this.tokens = new ServiceOnFirstUse<>(tokens);
        this.audit = new ServiceOnFirstUse<>(audit);
    }

    @Deactivate
    void deactivate() {
        for (ServiceOnFirstUse<?> service : List.of(directory, manager, details, metrics, tokens, audit)) {
            service.release();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = subPath(request);
        try {
            switch (path) {
                case "/data.json" -> writeJson(response, 200, data());
                case "/metrics.txt" -> {
                    setNoCache(response);
                    response.setContentType(PrometheusReport.CONTENT_TYPE);
                    response.getWriter().write(metrics.get().write());
                }
                case "/hotcog.js" -> spool(response, "console/hotcog.js", "text/javascript");
                default -> super.doGet(request, response);
            }
        } catch (java.sql.SQLException e) {
            writeError(response, 500, "internal_error", "the database did not answer: " + e.getMessage());
        } catch (ServiceOnFirstUse.NotReady e) {
            writeUnavailable(response, e);
        } catch (jakarta.servlet.ServletException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.getWriter().write(readTemplateFile("/console/hotcog.html"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getHeader(ACTION_HEADER) == null) {
            writeError(response, 403, "forbidden", "console actions need the header " + ACTION_HEADER);
            return;
        }
        String actor = "console:" + (request.getRemoteUser() != null ? request.getRemoteUser() : "user");
        String[] parts = subPath(request).replaceFirst("^/", "").split("/");
        try {
            if (parts.length == 1 && parts[0].equals("modules")) {
                ModuleInfo installed = withUpload(request, actor, "install", file -> manager.get().install(file, actor));
                writeJson(response, 201, installed);
            } else if (parts.length == 3 && parts[0].equals("modules")) {
                writeJson(response, 200, operate(parts[1], parts[2], request, actor));
            } else if (parts.length == 1 && parts[0].equals("tokens")) {
                NewToken asked = json.readValue(request.getInputStream(), NewToken.class);
                writeJson(response, 201, createToken(asked, actor));
            } else if (parts.length == 3 && parts[0].equals("tokens") && parts[2].equals("revoke")) {
                boolean revoked = tokens.get().revoke(parts[1]);
                audit.get().record(actor, "revoke token " + parts[1], parts[1], revoked ? "ok" : "refused",
                        revoked ? null : "no valid token with this id");
                writeJson(response, revoked ? 200 : 404, Map.of("revoked", revoked));
            } else {
                writeError(response, 404, "not_found", "no console action " + subPath(request));
            }
        } catch (ModuleException e) {
            writeError(response, e.reason().status(), e.reason().code(), e.getMessage());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            writeError(response, 400, "invalid_request", e.getMessage());
        } catch (java.sql.SQLException e) {
            writeError(response, 500, "internal_error", "the database did not answer: " + e.getMessage());
        } catch (ServiceOnFirstUse.NotReady e) {
            writeUnavailable(response, e);
        }
    }

    /** What the page sends to create a token; the same fields as {@code POST /api/tokens}. */
    record NewToken(String name, String role, Set<Long> guilds, Integer rateLimit) {
    }

    /** Creates a token as {@code POST /api/tokens} does, and records it, or the refusal, in the audit log. */
    private TokenStore.Created createToken(NewToken asked, String actor) throws java.sql.SQLException {
        try {
            TokenStore.Created created = tokens.get().create(asked.name(), asked.role(), asked.guilds(),
                    asked.rateLimit(), actor);
            audit.get().record(actor, "create token " + created.token().id() + " \"" + created.token().name() + "\" "
                    + created.token().role(), created.token().id(), "ok", null);
            return created;
        } catch (IllegalArgumentException e) {
            audit.get().record(actor, "create token", null, "refused", e.getMessage());
            throw e;
        }
    }

    private Object operate(String id, String operation, HttpServletRequest request, String actor)
            throws ModuleException, IOException {
        Bundle bundle = details.get().find(id).orElseThrow(
                () -> new ModuleException(ModuleException.Reason.NOT_FOUND, "no module with id " + id));
        long bundleId = bundle.getBundleId();
        return switch (operation) {
            case "update" -> withUpload(request, actor, "update " + bundle.getSymbolicName(),
                    file -> manager.get().update(bundleId, file, actor));
            case "uninstall" -> {
                manager.get().uninstall(bundleId, actor);
                yield Map.of("uninstalled", bundleId);
            }
            default -> manager.get().operate(operation, bundleId, actor);
        };
    }

    private interface WithJar {
        ModuleInfo apply(Path jar) throws ModuleException;
    }

    private ModuleInfo withUpload(HttpServletRequest request, String actor, String purpose, WithJar action)
            throws ModuleException, IOException {
        Path file = manager.get().receive(request.getInputStream(), request.getContentLengthLong(), actor, purpose);
        try {
            return action.apply(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Map<String, Object> data() throws java.sql.SQLException {
        Map<String, Object> data = new LinkedHashMap<>();
        ModuleDetails modules = details.get();
        data.put("modules", directory.get().list().stream().filter(m -> !"core".equals(m.kind()))
                .map(m -> modules.describe(modules.find(Long.toString(m.id())).orElseThrow())).toList());
        data.put("core", directory.get().list().stream().filter(m -> "core".equals(m.kind())).toList());
        data.put("guilds", GuildInfo.of(gateway));
        data.put("tokens", tokens.get().list());
        data.put("audit", audit.get().newest(25, 0));
        return data;
    }

    private static String subPath(HttpServletRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        return path.startsWith("/" + LABEL) ? path.substring(LABEL.length() + 1) : path;
    }

    private void spool(HttpServletResponse response, String resource, String type) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                response.sendError(404);
                return;
            }
            response.setContentType(type + "; charset=utf-8");
            in.transferTo(response.getOutputStream());
        }
    }

    private void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        setNoCache(response);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }

    private void writeError(HttpServletResponse response, int status, String code, String message) throws IOException {
        writeJson(response, status, new org.hotcog.api.rest.ApiError(code, message));
    }

    private void writeUnavailable(HttpServletResponse response, ServiceOnFirstUse.NotReady e) throws IOException {
        response.setHeader("Retry-After", "1");
        writeError(response, 503, "unavailable", e.getMessage());
    }
}
