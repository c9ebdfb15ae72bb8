package org.hotcog.core.internal.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.hotcog.api.rest.HotcogRest;
import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers under {@code /api} when Hotcog's application is not there to: while the bundles start (it is deployed once
 * they all have, see {@link HotcogApplication}), or if it failed. The application's own context is more specific and
 * takes every request once it serves; this servlet sits in the default context, behind it. A client, such as a
 * health probe, then reads a 503 with the API's error body and a {@code Retry-After}, not an HTML "not found".
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=" + HotcogRest.BASE_PATH + "/*",
        "osgi.http.whiteboard.servlet.name=hotcog-api-not-up",
        "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=default)" })
public final class ApiNotUpServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final String NOT_UP = "Hotcog's API is not up yet; try again in a moment.";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answerUnavailable(response, NOT_UP);
    }

    /** The API's 503: its JSON error body, and a {@code Retry-After} of a second. */
    static void answerUnavailable(HttpServletResponse response, String message) throws IOException {
        byte[] body = ("{\"error\":\"unavailable\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "1");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
