package org.hotcog.core.internal.rest;

import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.hotcog.api.rest.ApiError;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.core.internal.modules.ModuleException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception into a JSON {@link ApiError} with the right status. A client never sees
 * an HTML page or a stack trace: an unexpected failure is a 500 with a correlation id that the
 * log line carries too.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
public final class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        if (exception instanceof ModuleException refused) {
            return error(refused.reason().status(), refused.reason().code(), refused.getMessage());
        }
        if (exception instanceof WebApplicationException web) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            String message = web.getMessage() == null || web.getMessage().startsWith("HTTP ")
                    ? status.getReasonPhrase() : web.getMessage();
            return error(status.getStatusCode(), code(status), message);
        }
        String correlation = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("REST request failed [{}]", correlation, exception);
        return error(500, "internal_error", "Something went wrong on the server (reference " + correlation + ").");
    }

    /** The JSON error answer; for filters that refuse a request before any resource runs. */
    public static Response error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message))
                .build();
    }

    private static String code(Response.StatusType status) {
        return switch (status.getStatusCode()) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> status.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        };
    }
}
