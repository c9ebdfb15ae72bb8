package org.hotcog.moderation.internal.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.hotcog.moderation.internal.cases.CaseAction;
import org.hotcog.moderation.internal.settings.InvalidSettingException;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.hotcog.moderation.internal.settings.SettingsStore;
import org.hotcog.moderation.internal.settings.Threshold;
import org.hotcog.moderation.internal.time.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET} and {@code PUT /api/moderation/{guildId}/settings}. A {@code PUT} changes the fields it
 * names; every value is checked first, and a bad one is answered 400 naming the field, with
 * nothing stored. Changing needs the operator role.
 */
@Component(service = SettingsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(CasesResource.PATH + "/settings")
@Produces(MediaType.APPLICATION_JSON)
public final class SettingsResource {
    private final SettingsStore settings;

    @Activate
    public SettingsResource(@Reference SettingsStore settings) {
        this.settings = settings;
    }

    @GET
    public SettingsJson get(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return SettingsJson.of(settings.get(guildId));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public SettingsJson put(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, SettingsJson body) {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object of settings");
        }
        try {
            return SettingsJson.of(settings.save(guildId, merge(settings.get(guildId), body)));
        } catch (InvalidSettingException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static ModerationSettings merge(ModerationSettings s, SettingsJson body) {
        if (body.modlogChannel() != null) {
            s = s.withModlogChannel(id("modlogChannel", body.modlogChannel(), true));
        }
        if (body.requireReason() != null) {
            s = s.withRequireReason(body.requireReason());
        }
        if (body.dmBeforeAction() != null) {
            s = s.withDmBeforeAction(body.dmBeforeAction());
        }
        if (body.warningExpiry() != null) {
            s = s.withWarningExpiry(SettingsJson.NEVER.equalsIgnoreCase(body.warningExpiry().strip()) ? Duration.ZERO
                    : duration("warningExpiry", body.warningExpiry(), Duration.ofMinutes(1),
                            ModerationSettings.MAX_WARNING_EXPIRY));
        }
        if (body.moderatorRoles() != null) {
            Set<Long> roles = new HashSet<>();
            for (int i = 0; i < body.moderatorRoles().size(); i++) {
                roles.add(id("moderatorRoles[" + i + "]", body.moderatorRoles().get(i), false));
            }
            s = s.withModeratorRoles(roles);
        }
        if (body.thresholds() != null) {
            List<Threshold> steps = new ArrayList<>();
            for (int i = 0; i < body.thresholds().size(); i++) {
                steps.add(threshold("thresholds[" + i + "]", body.thresholds().get(i)));
            }
            s = s.withThresholds(steps);
        }
        return s.validate();
    }

    private static Threshold threshold(String field, SettingsJson.ThresholdJson step) {
        if (step == null) {
            throw new InvalidSettingException(field, "must be an object with points, action and duration");
        }
        if (step.points() == null) {
            throw new InvalidSettingException(field + ".points", "is required");
        }
        CaseAction action = step.action() == null ? null : CaseAction.ofWireName(step.action());
        if (action != CaseAction.TIMEOUT && action != CaseAction.KICK && action != CaseAction.BAN) {
            throw new InvalidSettingException(field + ".action", "must be timeout, kick or ban");
        }
        Duration duration = step.duration() == null ? null
                : duration(field + ".duration", step.duration(), Duration.ZERO, ModerationSettings.MAX_BAN);
        return new Threshold(step.points(), action, duration);
    }

    private static long id(String field, String text, boolean zeroAllowed) {
        try {
            long id = Long.parseLong(text.strip());
            if (id > 0 || (zeroAllowed && id == 0)) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, like a negative id
        }
        throw new InvalidSettingException(field, "must be a Discord id" + (zeroAllowed ? ", or \"0\" for none" : ""));
    }

    /** A duration field, refused naming the field. */
    static Duration duration(String field, String text, Duration min, Duration max) {
        try {
            return Durations.parse(text, min, max);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(field, e.getMessage());
        }
    }
}
