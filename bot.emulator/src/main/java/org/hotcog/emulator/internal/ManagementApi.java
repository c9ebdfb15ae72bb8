package org.hotcog.emulator.internal;

import java.util.ArrayList;
import java.util.List;

import org.hotcog.emulator.internal.rest.RestException;
import org.hotcog.emulator.internal.rest.RestRequest;
import org.hotcog.emulator.internal.rest.RestServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The REST routes a ticket bot uses to shape a guild (guild.mdx, channel.mdx): create, edit and delete channels,
 * categories and threads, permission overwrites, and roles; each checks the bot's permissions as Discord does.
 */
final class ManagementApi {

    /** A category holds at most 50 channels (channel.mdx, channel types). */
    private static final int MAX_CATEGORY_CHANNELS = 50;
    /** The longest slowmode, in seconds. */
    private static final int MAX_SLOWMODE = 21600;
    private static final int MAX_ROLES = 250;
    private static final long CREATE_PUBLIC_THREADS = 1L << 35;

    private final Emulator emulator;
    private final Object lock;

    ManagementApi(Emulator emulator) {
        this.emulator = emulator;
        this.lock = emulator.lock();
    }

    void register(RestServer rest) {
        rest.route("POST", "guilds/{guild}/channels", true, this::createChannel);
        rest.route("PATCH", "channels/{channel}", true, this::editChannel);
        rest.route("DELETE", "channels/{channel}", true, this::deleteChannel);
        rest.route("PUT", "channels/{channel}/permissions/{overwrite}", true, this::putOverwrite);
        rest.route("DELETE", "channels/{channel}/permissions/{overwrite}", true, this::deleteOverwrite);
        rest.route("POST", "channels/{channel}/threads", true, this::createThread);
        rest.route("PUT", "channels/{channel}/thread-members/{user}", true, request -> threadMember(request, true));
        rest.route("DELETE", "channels/{channel}/thread-members/{user}", true, request -> threadMember(request, false));
        rest.route("POST", "guilds/{guild}/roles", true, this::createRole);
        rest.route("PATCH", "guilds/{guild}/roles/{role}", true, this::editRole);
        rest.route("DELETE", "guilds/{guild}/roles/{role}", true, this::deleteRole);
    }

    private UserState bot() {
        return emulator.botUserState();
    }

    private GuildState guild(RestRequest request) {
        return emulator.guild(request.id("guild", 10004, "Unknown Guild"));
    }

    private ChannelState channel(RestRequest request) {
        ChannelState channel = emulator.channel(request.id("channel", 10003, "Unknown Channel"));
        if (channel.isDm()) {
            throw Emulator.dmChannelAction();
        }
        if ((channel.guild.permissionsIn(channel, bot()) & Permissions.VIEW_CHANNEL) == 0) {
            throw new RestException(403, 50001, "Missing Access", null);
        }
        return channel;
    }

    private static void require(long permissions, long needed) {
        if ((permissions & needed) != needed) {
            throw GuildState.missingPermissions();
        }
    }

    // ---- channels

    private JsonNode createChannel(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            require(guild.basePermissions(bot()), Permissions.MANAGE_CHANNELS);
            JsonNode body = request.body();
            String name = name(body, true);
            int type = body.path("type").asInt(ChannelState.TEXT);
            if (type != ChannelState.TEXT && type != ChannelState.CATEGORY) {
                throw Emulator.invalidForm("type", "BASE_TYPE_CHOICES", "Value must be one of {0, 4}.");
            }
            long parentId = parent(guild, body, type);
            List<ChannelState.Overwrite> overwrites = overwrites(guild, body);
            int slowmode = slowmode(body, 0);
            String topic = body.path("topic").isTextual() ? body.get("topic").asText() : null;
            return guild.createChannel(name, type, parentId, channel -> {
                overwrites.forEach(overwrite -> channel.overwrites.put(overwrite.id(), overwrite));
                channel.rateLimitPerUser = slowmode;
                channel.topic = topic;
            }).json();
        }
    }

    private static String name(JsonNode body, boolean required) {
        String name = body.path("name").asText("");
        if ((required || body.has("name")) && (name.isEmpty() || name.length() > 100)) {
            throw Emulator.invalidForm("name", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
        return name;
    }

    /** The {@code parent_id}: a category of the guild with room for one more channel, or 0. */
    private static long parent(GuildState guild, JsonNode body, int type) {
        JsonNode parent = body.path("parent_id");
        if (parent.isMissingNode() || parent.isNull()) {
            return 0;
        }
        ChannelState category = guild.channels.get(parent.asLong());
        if (category == null || category.type != ChannelState.CATEGORY || type == ChannelState.CATEGORY) {
            throw Emulator.invalidForm("parent_id", "CHANNEL_PARENT_INVALID", "Not a category");
        }
        long children = guild.channels.values().stream().filter(c -> !c.isThread() && c.parentId == category.id)
                .count();
        if (children >= MAX_CATEGORY_CHANNELS) {
            throw Emulator.invalidForm("parent_id", "CHANNEL_PARENT_MAX_CHANNELS",
                    "Maximum number of channels in category reached (50)");
        }
        return category.id;
    }

    private static int slowmode(JsonNode body, int current) {
        if (!body.has("rate_limit_per_user")) {
            return current;
        }
        int seconds = body.get("rate_limit_per_user").asInt(0);
        if (seconds < 0 || seconds > MAX_SLOWMODE) {
            throw Emulator.invalidForm("rate_limit_per_user", "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 21600.");
        }
        return seconds;
    }

    /**
     * The {@code permission_overwrites} of a request. Only permissions the bot has in the guild can be allowed or
     * denied, and only an administrator may put MANAGE_ROLES into an overwrite (guild.mdx, Create Guild Channel).
     */
    private List<ChannelState.Overwrite> overwrites(GuildState guild, JsonNode body) {
        List<ChannelState.Overwrite> result = new ArrayList<>();
        for (JsonNode entry : body.path("permission_overwrites")) {
            result.add(overwrite(guild, guild.basePermissions(bot()), entry.path("id").asLong(), entry));
        }
        return result;
    }

    private static ChannelState.Overwrite overwrite(GuildState guild, long botPermissions, long id, JsonNode entry) {
        int type = entry.path("type").asInt(-1);
        if (type != 0 && type != 1) {
            throw Emulator.invalidForm("type", "BASE_TYPE_CHOICES", "Value must be one of {0, 1}.");
        }
        if (type == 0 ? !guild.roles.containsKey(id) : !guild.members.containsKey(id)) {
            throw new RestException(404, type == 0 ? 10011 : 10007, type == 0 ? "Unknown Role" : "Unknown Member",
                    null);
        }
        long allow = entry.path("allow").isNull() ? 0 : Long.parseLong(entry.path("allow").asText("0"));
        long deny = entry.path("deny").isNull() ? 0 : Long.parseLong(entry.path("deny").asText("0"));
        boolean admin = botPermissions == Permissions.ALL;
        if (!admin && (((allow | deny) & ~botPermissions) != 0 || ((allow | deny) & Permissions.MANAGE_ROLES) != 0)) {
            throw GuildState.missingPermissions();
        }
        return new ChannelState.Overwrite(id, type, allow, deny);
    }

    /** What edits and deletes of a channel need: MANAGE_THREADS for a thread, MANAGE_CHANNELS otherwise. */
    private long manageChannel(ChannelState channel) {
        long permissions = channel.guild.permissionsIn(channel, bot());
        return channel.isThread() ? permissions & Permissions.MANAGE_THREADS
                : permissions & Permissions.MANAGE_CHANNELS;
    }

    private JsonNode editChannel(RestRequest request) {
        synchronized (lock) {
            ChannelState channel = channel(request);
            if (manageChannel(channel) == 0) {
                throw GuildState.missingPermissions();
            }
            JsonNode body = request.body();
            String name = body.has("name") ? name(body, false) : channel.name;
            int slowmode = slowmode(body, channel.rateLimitPerUser);
            long parentId = body.has("parent_id") && !channel.isThread() ? parent(channel.guild, body, channel.type)
                    : channel.parentId;
            List<ChannelState.Overwrite> overwrites = null;
            if (body.has("permission_overwrites") && !channel.isThread()) {
                require(channel.guild.permissionsIn(channel, bot()), Permissions.MANAGE_ROLES);
                overwrites = overwrites(channel.guild, body);
            }
            channel.name = name;
            channel.rateLimitPerUser = slowmode;
            channel.parentId = parentId;
            if (body.has("topic")) {
                channel.topic = body.get("topic").isNull() ? null : body.get("topic").asText();
            }
            if (channel.isThread()) {
                channel.archived = body.path("archived").asBoolean(channel.archived);
                channel.locked = body.path("locked").asBoolean(channel.locked);
            }
            if (overwrites != null) {
                channel.overwrites.clear();
                overwrites.forEach(overwrite -> channel.overwrites.put(overwrite.id(), overwrite));
            }
            channel.updated();
            return channel.json();
        }
    }

    private JsonNode deleteChannel(RestRequest request) {
        synchronized (lock) {
            ChannelState channel = channel(request);
            if (manageChannel(channel) == 0) {
                throw GuildState.missingPermissions();
            }
            GuildState guild = channel.guild;
            // a category's channels stay, without a parent; a channel's threads go with it
            for (ChannelState other : List.copyOf(guild.channels.values())) {
                if (other.parentId == channel.id && other.isThread()) {
                    remove(other);
                } else if (other.parentId == channel.id) {
                    other.parentId = 0;
                    other.updated();
                }
            }
            remove(channel);
            return channel.json();
        }
    }

    private void remove(ChannelState channel) {
        channel.deleted = true;
        channel.guild.channels.remove(channel.id);
        emulator.dispatch(channel.isThread() ? "THREAD_DELETE" : "CHANNEL_DELETE", channel.json(), null,
                channel.guild.id, Intents.GUILDS);
    }

    /**
     * Adds or removes a thread member (channel.mdx, Add/Remove Thread Member): the bot must see the thread; removing
     * someone else, or adding to a private thread it is not a member of, needs MANAGE_THREADS. {@code @me} is the
     * bot. The member must be able to see the thread's channel.
     */
    private JsonNode threadMember(RestRequest request, boolean add) {
        synchronized (lock) {
            ChannelState thread = channel(request);
            if (!thread.isThread()) {
                throw new RestException(400, 50024, "Cannot execute action on this channel type", null);
            }
            String target = request.params().get("user");
            long userId = "@me".equals(target) ? bot().id() : request.id("user", 10013, "Unknown User");
            MemberState member = thread.guild.members.get(userId);
            if (member == null) {
                throw new RestException(404, 10007, "Unknown Member", null);
            }
            long botPermissions = thread.guild.permissionsIn(thread.permissionSource(), bot());
            boolean manages = (botPermissions & Permissions.MANAGE_THREADS) != 0;
            boolean self = userId == bot().id();
            if (!self && !manages && (!add || (thread.type == ChannelState.PRIVATE_THREAD
                    && !thread.threadMembers.contains(bot().id())))) {
                throw GuildState.missingPermissions();
            }
            if (add) {
                if ((thread.guild.permissionsIn(thread.permissionSource(), emulator.userOrNull(userId))
                        & Permissions.VIEW_CHANNEL) == 0) {
                    throw GuildState.missingPermissions();
                }
                thread.threadMembers.add(userId);
            } else {
                thread.threadMembers.remove(userId);
            }
            return null;
        }
    }

    private JsonNode putOverwrite(RestRequest request) {
        synchronized (lock) {
            ChannelState channel = channel(request);
            if (channel.isThread()) {
                throw new RestException(400, 50024, "Cannot execute action on this channel type", null);
            }
            long permissions = channel.guild.permissionsIn(channel, bot());
            require(permissions, Permissions.MANAGE_ROLES);
            ChannelState.Overwrite overwrite = overwrite(channel.guild, permissions,
                    request.id("overwrite", 10009, "Unknown Overwrite"), request.body());
            channel.overwrites.put(overwrite.id(), overwrite);
            channel.updated();
            return null;
        }
    }

    private JsonNode deleteOverwrite(RestRequest request) {
        synchronized (lock) {
            ChannelState channel = channel(request);
            require(channel.guild.permissionsIn(channel, bot()), Permissions.MANAGE_ROLES);
            if (channel.overwrites.remove(request.id("overwrite", 10009, "Unknown Overwrite")) != null) {
                channel.updated();
            }
            return null;
        }
    }

    private JsonNode createThread(RestRequest request) {
        synchronized (lock) {
            ChannelState parent = channel(request);
            if (parent.type != ChannelState.TEXT) {
                throw new RestException(400, 50024, "Cannot execute action on this channel type", null);
            }
            JsonNode body = request.body();
            // Discord still defaults to a private thread when no type is given (channel.mdx)
            int type = body.path("type").asInt(ChannelState.PRIVATE_THREAD);
            if (type != ChannelState.PUBLIC_THREAD && type != ChannelState.PRIVATE_THREAD) {
                throw Emulator.invalidForm("type", "BASE_TYPE_CHOICES", "Value must be one of {11, 12}.");
            }
            require(parent.guild.permissionsIn(parent, bot()),
                    type == ChannelState.PRIVATE_THREAD ? Permissions.CREATE_PRIVATE_THREADS : CREATE_PUBLIC_THREADS);
            String name = name(body, true);
            int slowmode = slowmode(body, 0);
            return parent.guild.createChannel(name, type, parent.id, thread -> {
                thread.rateLimitPerUser = slowmode;
                // the creator joins its thread
                thread.threadMembers.add(bot().id());
            }).json();
        }
    }

    // ---- roles

    /** The bot may edit or delete a role below its highest one that no integration manages. */
    private void checkManageable(GuildState guild, RoleState role) {
        UserState bot = bot();
        require(guild.basePermissions(bot), Permissions.MANAGE_ROLES);
        if (role.managedBotId != 0 || role.id == guild.id
                || (bot.id() != guild.owner.id() && role.position >= guild.highestPosition(bot))) {
            throw GuildState.missingPermissions();
        }
    }

    /** A role's new permissions: only ones the bot has itself (permissions.mdx, Permission Hierarchy). */
    private long rolePermissions(GuildState guild, JsonNode body, long current) {
        if (!body.has("permissions") || body.get("permissions").isNull()) {
            return current;
        }
        long permissions = Long.parseLong(body.get("permissions").asText());
        long own = guild.basePermissions(bot());
        if (own != Permissions.ALL && (permissions & ~own) != 0) {
            throw GuildState.missingPermissions();
        }
        return permissions;
    }

    private JsonNode createRole(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            require(guild.basePermissions(bot()), Permissions.MANAGE_ROLES);
            if (guild.roles.size() >= MAX_ROLES) {
                throw new RestException(400, 30005, "Maximum number of guild roles reached (250)", null);
            }
            JsonNode body = request.body();
            long permissions = rolePermissions(guild, body, guild.everyoneRole().permissions());
            String name = body.path("name").isTextual() ? body.get("name").asText() : "new role";
            return guild.addRoleAtBottom(name, permissions).json();
        }
    }

    private RoleState role(GuildState guild, RestRequest request) {
        RoleState role = guild.roles.get(request.id("role", 10011, "Unknown Role"));
        if (role == null) {
            throw new RestException(404, 10011, "Unknown Role", null);
        }
        return role;
    }

    private JsonNode editRole(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            RoleState role = role(guild, request);
            checkManageable(guild, role);
            JsonNode body = request.body();
            long permissions = rolePermissions(guild, body, role.permissions);
            if (body.path("name").isTextual()) {
                role.name = body.get("name").asText();
            }
            role.permissions = permissions;
            role.updated();
            return role.json();
        }
    }

    private JsonNode deleteRole(RestRequest request) {
        synchronized (lock) {
            GuildState guild = guild(request);
            RoleState role = role(guild, request);
            checkManageable(guild, role);
            guild.deleteRole(role);
            return null;
        }
    }
}
