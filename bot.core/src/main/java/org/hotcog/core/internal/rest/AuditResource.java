package org.hotcog.core.internal.rest;

import java.sql.SQLException;
import java.util.List;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.core.internal.audit.AuditEntry;
import org.hotcog.core.internal.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** {@code GET /api/audit?limit=100&before=<id>}: the newest changes first, for admins. */
@Component(service = AuditResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(ApiRole.ADMIN)
public final class AuditResource {
    private final AuditLog audit;

    @Activate
    public AuditResource(@Reference AuditLog audit) {
        this.audit = audit;
    }

    @GET
    public List<AuditEntry> newest(@QueryParam("limit") @DefaultValue("100") String limit,
            @QueryParam("before") @DefaultValue("0") String before) throws SQLException {
        return audit.newest((int) number("limit", limit, 1, AuditLog.MAX_PAGE), number("before", before, 0, Long.MAX_VALUE));
    }

    /** Query parameters arrive as text, so that a bad one is a 400 naming it rather than a bare 404. */
    static long number(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException("query parameter \"" + name + "\" must be a whole number from " + min
                + " to " + max);
    }
}
