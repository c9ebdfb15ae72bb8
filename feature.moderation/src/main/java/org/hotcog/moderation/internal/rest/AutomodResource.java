package org.hotcog.moderation.internal.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import org.hotcog.moderation.internal.automod.AutomodAction;
import org.hotcog.moderation.internal.automod.AutomodRule;
import org.hotcog.moderation.internal.automod.AutomodSettings;
import org.hotcog.moderation.internal.automod.AutomodStore;
import org.hotcog.moderation.internal.automod.RuleSetting;
import org.hotcog.moderation.internal.settings.InvalidSettingException;
import org.hotcog.moderation.internal.settings.ModerationSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET} and {@code PUT /api/moderation/{guildId}/automod}. A {@code PUT} changes the fields it
 * names; every value is checked first, and a bad one is answered 400 naming the field, with
 * nothing stored. Changing needs the operator role.
 */
@Component(service = AutomodResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(CasesResource.PATH + "/automod")
@Produces(MediaType.APPLICATION_JSON)
public final class AutomodResource {
    private final AutomodStore store;

    @Activate
    public AutomodResource(@Reference AutomodStore store) {
        this.store = store;
    }

    @GET
    public AutomodJson get(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) {
        return AutomodJson.of(store.get(guildId), store.strictUntil(guildId, Instant.now()).orElse(null));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public AutomodJson put(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, AutomodJson body) {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object of automod settings");
        }
        try {
            store.save(guildId, merge(store.get(guildId), body));
        } catch (InvalidSettingException e) {
            throw new BadRequestException(e.getMessage());
        }
        return get(guildId);
    }

    private static AutomodSettings merge(AutomodSettings s, AutomodJson body) {
        if (body.rules() != null) {
            for (Map.Entry<String, AutomodJson.RuleJson> entry : body.rules().entrySet()) {
                AutomodRule rule = AutomodRule.ofWireName(entry.getKey());
                if (rule == null) {
                    throw new InvalidSettingException("rules." + entry.getKey(), "is no rule: use spam, mentions, "
                            + "invites, words or raid");
                }
                s = s.withRule(rule, rule(rule, s.rule(rule), entry.getValue()));
            }
        }
        if (body.blockedWords() != null) {
            s = s.withBlockedWords(strings("blockedWords", body.blockedWords()));
        }
        if (body.blockedPatterns() != null) {
            s = s.withBlockedPatterns(strings("blockedPatterns", body.blockedPatterns()));
        }
        if (body.allowedInvites() != null) {
            s = s.withAllowedInvites(strings("allowedInvites", body.allowedInvites()));
        }
        if (body.timeout() != null) {
            s = s.withTimeout(SettingsResource.duration("timeout", body.timeout(), Duration.ofMinutes(1),
                    ModerationSettings.MAX_TIMEOUT));
        }
        if (body.strictFor() != null) {
            s = s.withStrictFor(SettingsResource.duration("strictFor", body.strictFor(), Duration.ofMinutes(1),
                    AutomodSettings.MAX_STRICT));
        }
        return s.validate();
    }

    private static RuleSetting rule(AutomodRule rule, RuleSetting current, AutomodJson.RuleJson change) {
        String field = "rules." + rule.wireName();
        if (change == null) {
            throw new InvalidSettingException(field, "must be an object with enabled, action, limit and window");
        }
        RuleSetting r = current;
        if (change.enabled() != null) {
            r = r.withEnabled(change.enabled());
        }
        if (change.action() != null) {
            AutomodAction action = AutomodAction.ofWireName(change.action());
            if (action == null) {
                throw new InvalidSettingException(field + ".action", "must be delete, warn or timeout");
            }
            r = r.withAction(action);
        }
        return r.withLimit(change.limit() == null ? r.limit() : change.limit(),
                change.window() == null ? r.windowSeconds() : change.window());
    }

    /** A list of strings without nulls, which JSON allows. */
    private static List<String> strings(String field, List<String> values) {
        if (values.stream().anyMatch(v -> v == null)) {
            throw new InvalidSettingException(field, "must be a list of strings");
        }
        return values;
    }
}
