package org.hotcog.core.internal.rest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.secrets.Redactor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * Keeps the API's answers JSON while the whiteboard builds the REST application's server again. It does so whenever
 * the application's extensions or resources change: an operator changes {@code api.cors.origins}, a module with REST
 * resources is installed, updated or stopped. The application's servlet stays in place meanwhile, and a request that
 * arrives between the old server's removal and the new one's start finds none: CXF answers it with an HTML 404 "No
 * service was found", or fails it with an exception of its own. This filter answers such a request as
 * {@link ApiNotUpServlet} answers before the first build, a 503 with the API's error body and a {@code Retry-After}.
 * Resources' own errors never reach it: the {@link ErrorMapper} turns them into JSON inside the application.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/*",
        "osgi.http.whiteboard.filter.name=hotcog-api-between-builds",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=" + ApiBetweenBuildsFilter.CONTEXT
                + ")" })
public final class ApiBetweenBuildsFilter implements Filter {
    /** The servlet context Aries' whiteboard makes for an application with a base of its own. */
    static final String CONTEXT = "context.for" + HotcogRest.APPLICATION_NAME;
    private static final String REBUILDING = "Hotcog's API is being rebuilt after a change; try again in a moment.";
    private static final Logger LOG = LoggerFactory.getLogger(ApiBetweenBuildsFilter.class);

    private final Redactor redactor;

    @Activate
    public ApiBetweenBuildsFilter(@Reference Redactor redactor) {
        this.redactor = redactor;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        try {
            chain.doFilter(request, new NoServerPage(http));
        } catch (RuntimeException | ServletException e) {
            if (http.isCommitted()) {
                throw e;
            }
            LOG.warn(failure((HttpServletRequest) request, e));
            http.reset();
            ApiNotUpServlet.answerUnavailable(http, REBUILDING);
        }
    }

    /** The log line of a request the application failed; CXF's message may quote what the request carried. */
    String failure(HttpServletRequest request, Exception e) {
        return redactor.redact("The REST application failed " + request.getMethod() + " " + request.getRequestURI()
                + " while it was being rebuilt: " + e);
    }

    /** Replaces CXF's page for a request that found no server (status 404, then an HTML type) with the API's 503. */
    private static final class NoServerPage extends HttpServletResponseWrapper {
        private boolean notFound;
        private boolean replaced;

        NoServerPage(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            notFound = status == HttpServletResponse.SC_NOT_FOUND;
            super.setStatus(status);
        }

        @Override
        public void setContentType(String type) {
            if (notFound && !replaced && type != null && type.startsWith("text/html") && !isCommitted()) {
                replaced = true;
                try {
                    ApiNotUpServlet.answerUnavailable((HttpServletResponse) getResponse(), REBUILDING);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return;
            }
            super.setContentType(type);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            // CXF writes its page next; the 503 is already written.
            return replaced ? new PrintWriter(Writer.nullWriter()) : super.getWriter();
        }
    }
}
