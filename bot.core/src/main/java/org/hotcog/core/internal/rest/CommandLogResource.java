package org.hotcog.core.internal.rest;

import static org.hotcog.core.internal.rest.AuditResource.number;

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
import org.hotcog.core.internal.dispatch.CommandLog;
import org.hotcog.core.internal.dispatch.CommandLogRow;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/command-log}: the interactions the bot handled, the newest first, for admins (every guild's, with
 * who ran what). The reference an error reply shows a user ({@code correlation}) finds its interaction.
 */
@Component(service = CommandLogResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path("command-log")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(ApiRole.ADMIN)
public final class CommandLogResource {
    private final CommandLog log;

    @Activate
    public CommandLogResource(@Reference CommandLog log) {
        this.log = log;
    }

    @GET
    public List<CommandLogRow> newest(@QueryParam("correlation") String correlation,
            @QueryParam("guild") String guild, @QueryParam("user") String user, @QueryParam("module") String module,
            @QueryParam("outcome") String outcome, @QueryParam("limit") @DefaultValue("100") String limit,
            @QueryParam("before") @DefaultValue("0") String before) throws SQLException {
        CommandLog.Filter filter;
        try {
            filter = new CommandLog.Filter(blankAsNull(correlation), snowflake("guild", guild),
                    snowflake("user", user), blankAsNull(module), blankAsNull(outcome));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("query parameter " + e.getMessage());
        }
        return log.newest(filter, (int) number("limit", limit, 1, CommandLog.MAX_PAGE),
                number("before", before, 0, Long.MAX_VALUE));
    }

    /** A Discord id, or null when the parameter is absent; "0" is the guild of direct messages. */
    private static Long snowflake(String name, String value) {
        return value == null || value.isBlank() ? null : number(name, value.strip(), 0, Long.MAX_VALUE);
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
