package org.hotcog.core.internal.console;

import java.io.IOException;

import org.hotcog.core.internal.audit.AuditLog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records what operators do on the web console's standard bundle page (start, stop, update,
 * install, uninstall, refresh) in the audit log, as the Hotcog tab and the REST API do. Command
 * sync needs nothing of this: a bundle's commands follow its services wherever the change came from.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/bundles",
        "osgi.http.whiteboard.filter.pattern=/bundles/*",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=org.apache.felix.webconsole)" })
public final class ConsoleAuditFilter implements Filter {
    private static final java.util.regex.Pattern BUNDLE_ID = java.util.regex.Pattern.compile("/bundles/(\\d{1,18})");

    private final BundleContext context;
    private final AuditLog audit;

    @Activate
    public ConsoleAuditFilter(BundleContext context, @Reference AuditLog audit) {
        this.context = context;
        this.audit = audit;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        if (!"POST".equals(http.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String target = target(http.getRequestURI());
        String action = http.getParameter("action");
        chain.doFilter(request, response);
        int status = ((HttpServletResponse) response).getStatus();
        audit.record("console:" + (http.getRemoteUser() != null ? http.getRemoteUser() : "user"),
                "console bundles " + (action != null ? action : "post"), target,
                status < 400 ? "ok" : status < 500 ? "refused" : "failed", null);
    }

    /** The bundle the path names ({@code .../bundles/42}), by symbolic name and version, while it still exists. */
    private String target(String uri) {
        java.util.regex.Matcher matcher = BUNDLE_ID.matcher(uri);
        if (!matcher.find()) {
            return null;
        }
        String id = matcher.group(1);
        Bundle bundle = context.getBundle(Long.parseLong(id));
        return bundle == null ? "bundle " + id : bundle.getSymbolicName() + " " + bundle.getVersion() + " (id " + id + ")";
    }
}
