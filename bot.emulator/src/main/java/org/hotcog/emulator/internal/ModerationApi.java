package org.hotcog.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.hotcog.emulator.Ban;
import org.hotcog.emulator.internal.rest.RestException;
import org.hotcog.emulator.internal.rest.RestRequest;
import org.hotcog.emulator.internal.rest.RestServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The REST routes a moderation bot uses on members (guild.mdx): kick, bans, bulk ban, and nickname, roles and
 * timeout through Modify Guild Member; each checks the bot's permissions and the role hierarchy as Discord does.
 */
final class ModerationApi {

    /** Discord's longest timeout (guild.mdx, Modify Guild Member). */
    private static final Duration MAX_TIMEOUT = Duration.ofDays(28);
    /** Discord's longest message purge on a ban: 7 days (guild.mdx, Create Guild Ban). */
    private static final long MAX_DELETE_SECONDS = 604800;
    private static final int MAX_BULK_BAN = 200;
    private static final int MAX_NICK = 32;

    private final Emulator emulator;
    private final Object lock;

    ModerationApi(Emulator emulator) {
        this.emulator = emulator;
        this.lock = emulator.lock();
    }

    void register(RestServer rest) {
        rest.route("DELETE", "guilds/{guild}/members/{user}", true, this::kick);
        rest.route("PATCH", "guilds/{guild}/members/{user}", true, this::modifyMember);
        rest.route("GET", "guilds/{guild}/bans", true, this::listBans);
        rest.route("GET", "guilds/{guild}/bans/{user}", true, this::getBan);
        rest.route("PUT", "guilds/{guild}/bans/{user}", true, this::ban);
        rest.route("DELETE", "guilds/{guild}/bans/{user}", true, this::unban);
        rest.route("POST", "guilds/{guild}/bulk-ban", true, this::bulkBan);
    }

    private GuildState guild(RestRequest request) {
        return emulator.guild(request.id("guild", 10004, "Unknown Guild"));
    }

    private static MemberState member(GuildState guild, RestRequest request) {
        MemberState member = guild.members.get(request.id("user", 10007, "Unknown Member"));
        if (member == null) {
            throw new RestException(404, 10007, "Unknown Member", null);
        }
        return member;
    }

    private UserState user(RestRequest request) {
        UserState user = emulator.userOrNull(request.id("user", 10013, "Unknown User"));
        if (user == null) {
            throw new RestException(404, 10013, "Unknown User", null);
        }
        return user;
    }

    private JsonNode kick(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            MemberState member = member(guild, request);
            guild.checkCanModerate(member.user, Permissions.KICK_MEMBERS);
            guild.removeMember(member.user);
            return null;
        }
    }

    private JsonNode modifyMember(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            MemberState member = member(guild, request);
            JsonNode body = request.body();
            // validate every field first: Discord applies all of a request or nothing
            String nick = member.nick;
            if (body.has("nick")) {
                guild.checkCanModerate(member.user, Permissions.MANAGE_NICKNAMES);
                nick = body.get("nick").isNull() || body.get("nick").asText().isEmpty() ? null
                        : body.get("nick").asText();
                if (nick != null && nick.length() > MAX_NICK) {
                    throw Emulator.invalidForm("nick", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
                }
            }
            Set<Long> roles = member.roles;
            if (body.has("roles")) {
                roles = new LinkedHashSet<>();
                for (JsonNode id : body.get("roles")) {
                    roles.add(id.asLong());
                }
                Set<Long> changed = new HashSet<>(roles);
                changed.addAll(member.roles);
                Set<Long> kept = new HashSet<>(roles);
                kept.retainAll(member.roles);
                changed.removeAll(kept);
                for (long roleId : changed) {
                    checkAssignable(guild, roleId);
                }
            }
            Instant timeout = member.timeoutUntil;
            if (body.has("communication_disabled_until")) {
                guild.checkCanModerate(member.user, Permissions.MODERATE_MEMBERS);
                if (guild.basePermissions(member.user) == Permissions.ALL) {
                    // owners and administrators cannot be timed out (guild.mdx: "Will throw a 403 error")
                    throw GuildState.missingPermissions();
                }
                timeout = timeout(body.get("communication_disabled_until"));
            }
            member.nick = nick;
            if (roles != member.roles) {
                member.roles.clear();
                member.roles.addAll(roles);
            }
            member.timeoutUntil = timeout;
            guild.memberUpdated(member);
            return member.json();
        }
    }

    /** The bot may give or take a role below its highest one that no integration manages. */
    private void checkAssignable(GuildState guild, long roleId) {
        RoleState role = guild.roles.get(roleId);
        if (role == null || roleId == guild.id) {
            throw new RestException(404, 10011, "Unknown Role", null);
        }
        UserState bot = emulator.botUserState();
        if ((guild.basePermissions(bot) & Permissions.MANAGE_ROLES) == 0 || role.managedBotId != 0
                || (bot.id() != guild.owner.id() && role.position >= guild.highestPosition(bot))) {
            throw GuildState.missingPermissions();
        }
    }

    private static Instant timeout(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        try {
            Instant until = OffsetDateTime.parse(value.asText()).toInstant();
            if (until.isAfter(Instant.now().plus(MAX_TIMEOUT))) {
                throw invalidTimeout();
            }
            return until;
        } catch (DateTimeParseException e) {
            throw invalidTimeout();
        }
    }

    private static RestException invalidTimeout() {
        return Emulator.invalidForm("communication_disabled_until", "INVALID_COMMUNICATION_DISABLED_TIMESTAMP",
                "Invalid communication disabled timestamp");
    }

    // ---- bans

    private static void checkBanPermission(GuildState guild, UserState bot) {
        if ((guild.basePermissions(bot) & Permissions.BAN_MEMBERS) == 0) {
            throw GuildState.missingPermissions();
        }
    }

    private static ObjectNode banJson(Ban ban) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (ban.reason() == null) {
            node.putNull("reason");
        } else {
            node.put("reason", ban.reason());
        }
        node.set("user", ((UserState) ban.user()).json());
        return node;
    }

    private JsonNode listBans(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            checkBanPermission(guild, emulator.botUserState());
            int limit = Math.max(1, Math.min(1000, RestApi.parseInt(request.query().get("limit"), 1000)));
            // Discord pages bans by user id, ascending; "before" wins over "after" and takes the ones just below it
            String before = request.query().get("before");
            long after = RestApi.parseLong(request.query().get("after"), 0);
            var sorted = guild.bans.values().stream().sorted((a, b) -> Long.compare(a.user().id(), b.user().id()));
            var page = before != null
                    ? sorted.filter(b -> b.user().id() < RestApi.parseLong(before, 0)).toList()
                    : sorted.filter(b -> b.user().id() > after).limit(limit).toList();
            if (before != null && page.size() > limit) {
                page = page.subList(page.size() - limit, page.size());
            }
            ArrayNode answer = JsonNodeFactory.instance.arrayNode();
            page.forEach(ban -> answer.add(banJson(ban)));
            return answer;
        }
    }

    private JsonNode getBan(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            checkBanPermission(guild, emulator.botUserState());
            Ban ban = guild.bans.get(request.id("user", 10026, "Unknown Ban"));
            if (ban == null) {
                throw new RestException(404, 10026, "Unknown Ban", null);
            }
            return banJson(ban);
        }
    }

    private JsonNode ban(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            UserState user = user(request);
            guild.checkCanModerate(user, Permissions.BAN_MEMBERS);
            Instant since = Instant.now().minusSeconds(deleteSeconds(request.body()));
            if (!guild.bans.containsKey(user.id())) {
                guild.ban(user, request.auditLogReason(), since);
            }
            return null;
        }
    }

    /** {@code delete_message_seconds}, or the deprecated {@code delete_message_days}, validated as Discord does. */
    private static long deleteSeconds(JsonNode body) {
        if (body.has("delete_message_seconds")) {
            long seconds = body.get("delete_message_seconds").asLong();
            if (seconds < 0 || seconds > MAX_DELETE_SECONDS) {
                throw Emulator.invalidForm("delete_message_seconds", "NUMBER_TYPE_MAX",
                        "int value should be less than or equal to 604800.");
            }
            return seconds;
        }
        long days = body.path("delete_message_days").asLong(0);
        if (days < 0 || days > 7) {
            throw Emulator.invalidForm("delete_message_days", "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 7.");
        }
        return days * 86400;
    }

    private JsonNode unban(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            checkBanPermission(guild, emulator.botUserState());
            guild.unban(user(request));
            return null;
        }
    }

    private JsonNode bulkBan(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            long needed = Permissions.BAN_MEMBERS | Permissions.MANAGE_GUILD;
            if ((guild.basePermissions(emulator.botUserState()) & needed) != needed) {
                throw GuildState.missingPermissions();
            }
            JsonNode ids = request.body().path("user_ids");
            if (!ids.isArray()) {
                throw Emulator.invalidForm("user_ids", "BASE_TYPE_REQUIRED", "This field is required");
            }
            if (ids.size() > MAX_BULK_BAN) {
                throw Emulator.invalidForm("user_ids", "BASE_TYPE_MAX_LENGTH", "Must be 200 or fewer in length.");
            }
            Instant since = Instant.now().minusSeconds(deleteSeconds(request.body()));
            ObjectNode answer = JsonNodeFactory.instance.objectNode();
            ArrayNode banned = answer.putArray("banned_users");
            ArrayNode failed = answer.putArray("failed_users");
            for (JsonNode id : ids) {
                UserState user = emulator.userOrNull(id.asLong());
                if (user == null || guild.bans.containsKey(user.id())
                        || !guild.outranks(emulator.botUserState(), user)) {
                    failed.add(id.asText());
                } else {
                    guild.ban(user, request.auditLogReason(), since);
                    banned.add(id.asText());
                }
            }
            if (banned.isEmpty()) {
                throw new RestException(400, 500000, "Failed to ban users", null);
            }
            return answer;
        }
    }
}
