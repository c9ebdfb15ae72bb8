package org.hotcog.ai.internal.rest;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hotcog.ai.internal.provider.ChatProvider;
import org.hotcog.ai.internal.provider.ProviderRegistry;
import org.hotcog.ai.internal.settings.AccessRule;
import org.hotcog.ai.internal.settings.AiSettingsStore;
import org.hotcog.ai.internal.settings.Choice;
import org.hotcog.ai.internal.usage.QuotaLimits;
import org.hotcog.ai.internal.usage.UsageStore;
import org.hotcog.api.rest.ApiRole;
import org.hotcog.api.rest.HotcogRest;
import org.hotcog.api.rest.RequiresRole;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/ai/{guildId}/settings} (the guild's provider, model and persona, the providers it can choose, its
 * access lists), {@code .../access/{kind}/{id}}, {@code .../quotas/{scope}/{roleId}} and {@code .../personas/{name}}.
 * Reading is for any token of the guild; changes need the operator role. A bad value is a 400 naming it, with
 * nothing stored. Providers are shown by name, kind and default model: never a key or a URL.
 */
@Component(service = AiSettingsResource.class)
@JaxrsResource
@JSONRequired
@JaxrsApplicationSelect(HotcogRest.APPLICATION_SELECT)
@Path(AiSettingsResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class AiSettingsResource {
    static final String PATH = "ai/{" + HotcogRest.GUILD_PARAMETER + "}";

    /** A provider as guilds see it. */
    public record ProviderJson(String name, String kind, String defaultModel) {
        static ProviderJson of(ChatProvider provider) {
            return new ProviderJson(provider.settings().name(), provider.settings().kind().name()
                    .toLowerCase(Locale.ROOT), provider.settings().defaultModel());
        }
    }

    /** One entry of the access lists: kind {@code user}, {@code role} or {@code channel}. */
    public record AccessJson(String kind, String id, boolean allowed) {
    }

    /**
     * The guild's settings; in a {@code PUT}, a field left out (null) keeps its value and an empty one clears it.
     *
     * @param provider the provider's name
     * @param model the model
     * @param persona the persona's name
     * @param providers read only: the providers configured on the bot
     * @param access read only: the access lists (change them under {@code access/})
     */
    public record SettingsJson(String provider, String model, String persona, List<ProviderJson> providers,
            List<AccessJson> access) {
    }

    /** Limits; -1 (or null in a {@code PUT}) for none. */
    public record QuotaJson(Integer requestsPerHour, Integer requestsPerDay, Long tokensPerHour, Long tokensPerDay) {
        static QuotaJson of(QuotaLimits limits) {
            return new QuotaJson(limits.requestsPerHour(), limits.requestsPerDay(), limits.tokensPerHour(),
                    limits.tokensPerDay());
        }
    }

    /** The quotas: every member's default, the overrides by role, the guild's own. */
    public record QuotasJson(QuotaJson member, Map<String, QuotaJson> roles, QuotaJson guild) {
    }

    /** A persona: its name and system prompt. */
    public record PersonaJson(String name, String prompt) {
    }

    private final AiSettingsStore settings;
    private final ProviderRegistry providers;
    private final UsageStore usage;

    @Activate
    public AiSettingsResource(@Reference AiSettingsStore settings, @Reference ProviderRegistry providers,
            @Reference UsageStore usage) {
        this.settings = settings;
        this.providers = providers;
        this.usage = usage;
    }

    @GET
    @Path("settings")
    public SettingsJson settings(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) throws SQLException {
        Choice choice = settings.choice(guildId, 0);
        return new SettingsJson(choice.provider(), choice.model(), choice.persona(),
                providers.all().stream().map(ProviderJson::of).toList(),
                settings.rules(guildId).stream().map(rule -> new AccessJson(rule.kind().name().toLowerCase(Locale.ROOT),
                        Long.toString(rule.targetId()), rule.allowed())).toList());
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public SettingsJson change(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, SettingsJson body)
            throws SQLException {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object with the settings to change");
        }
        // every value is checked before any is stored
        if (body.provider() != null && !body.provider().isBlank() && providers.find(body.provider().strip()).isEmpty()) {
            throw new BadRequestException("provider: no provider is named " + body.provider().strip());
        }
        if (body.persona() != null && !body.persona().isBlank()
                && settings.persona(guildId, body.persona().strip().toLowerCase(Locale.ROOT)).isEmpty()) {
            throw new BadRequestException("persona: the guild has no persona named " + body.persona().strip());
        }
        if (body.model() != null && body.model().strip().length() > 200) {
            throw new BadRequestException("model: 1 to 200 characters");
        }
        choose(guildId, AiSettingsStore.Field.PROVIDER, body.provider());
        choose(guildId, AiSettingsStore.Field.MODEL, body.model());
        choose(guildId, AiSettingsStore.Field.PERSONA, body.persona() == null ? null
                : body.persona().toLowerCase(Locale.ROOT));
        return settings(guildId);
    }

    private void choose(long guildId, AiSettingsStore.Field field, String value) throws SQLException {
        if (value != null) {
            settings.choose(guildId, 0, field, value.isBlank() ? null : value);
        }
    }

    @PUT
    @Path("access/{kind}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public AccessJson putAccess(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("kind") String kind,
            @PathParam("id") String id, AccessJson body) throws SQLException {
        if (body == null) {
            throw new BadRequestException("the body must be {\"allowed\": true} or {\"allowed\": false}");
        }
        AccessRule rule = new AccessRule(kind(kind), Ids.optionalId("id", id), body.allowed());
        settings.putRule(guildId, rule);
        return new AccessJson(kind.toLowerCase(Locale.ROOT), Long.toString(rule.targetId()), rule.allowed());
    }

    @DELETE
    @Path("access/{kind}/{id}")
    @RequiresRole(ApiRole.OPERATOR)
    public Response deleteAccess(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("kind") String kind,
            @PathParam("id") String id) throws SQLException {
        if (!settings.removeRule(guildId, kind(kind), Ids.optionalId("id", id))) {
            throw new NotFoundException("no " + kind + " " + id + " is on the guild's lists");
        }
        return Response.noContent().build();
    }

    private static AccessRule.Kind kind(String kind) {
        try {
            return AccessRule.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("kind: must be user, role or channel");
        }
    }

    @GET
    @Path("quotas")
    public QuotasJson quotas(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) throws SQLException {
        return new QuotasJson(QuotaJson.of(usage.memberLimits(guildId, List.of())), usage.roleLimits(guildId)
                .entrySet().stream().collect(java.util.stream.Collectors.toMap(e -> Long.toString(e.getKey()),
                        e -> QuotaJson.of(e.getValue()), (a, b) -> a, java.util.TreeMap::new)),
                QuotaJson.of(usage.guildLimits(guildId)));
    }

    @PUT
    @Path("quotas/{scope}/{roleId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public QuotasJson putQuota(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("scope") String scope,
            @PathParam("roleId") String roleId, QuotaJson body) throws SQLException {
        if (body == null) {
            throw new BadRequestException("the body must be a JSON object of limits");
        }
        QuotaLimits limits;
        try {
            limits = new QuotaLimits(orNone(body.requestsPerHour()), orNone(body.requestsPerDay()),
                    orNone(body.tokensPerHour()), orNone(body.tokensPerDay()));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        try {
            usage.setLimits(guildId, scope(scope), Ids.optionalId("roleId", roleId), limits);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return quotas(guildId);
    }

    @DELETE
    @Path("quotas/{scope}/{roleId}")
    @RequiresRole(ApiRole.OPERATOR)
    public QuotasJson deleteQuota(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId,
            @PathParam("scope") String scope, @PathParam("roleId") String roleId) throws SQLException {
        usage.clearLimits(guildId, scope(scope), Ids.optionalId("roleId", roleId));
        return quotas(guildId);
    }

    private static int orNone(Integer value) {
        return value == null ? -1 : value;
    }

    private static long orNone(Long value) {
        return value == null ? -1 : value;
    }

    private static org.hotcog.ai.internal.usage.Admission.Scope scope(String scope) {
        return switch (scope) {
            case "member" -> org.hotcog.ai.internal.usage.Admission.Scope.MEMBER;
            case "guild" -> org.hotcog.ai.internal.usage.Admission.Scope.GUILD;
            default -> throw new BadRequestException("scope: must be member or guild");
        };
    }

    @GET
    @Path("personas")
    public List<PersonaJson> personas(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId) throws SQLException {
        return settings.personas(guildId).entrySet().stream().map(e -> new PersonaJson(e.getKey(), e.getValue()))
                .toList();
    }

    @PUT
    @Path("personas/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(ApiRole.OPERATOR)
    public PersonaJson putPersona(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("name") String name,
            PersonaJson body) throws SQLException {
        try {
            settings.definePersona(guildId, name, body == null ? null : body.prompt());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        String key = name.strip().toLowerCase(Locale.ROOT);
        return new PersonaJson(key, settings.persona(guildId, key).orElseThrow());
    }

    @DELETE
    @Path("personas/{name}")
    @RequiresRole(ApiRole.OPERATOR)
    public Response deletePersona(@PathParam(HotcogRest.GUILD_PARAMETER) long guildId, @PathParam("name") String name)
            throws SQLException {
        if (!settings.removePersona(guildId, name)) {
            throw new NotFoundException("the guild has no persona named " + name);
        }
        return Response.noContent().build();
    }
}
