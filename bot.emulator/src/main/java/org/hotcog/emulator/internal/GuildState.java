package org.hotcog.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.hotcog.emulator.Ban;
import org.hotcog.emulator.Category;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.Member;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.emulator.internal.rest.RestException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A guild and its roles, channels and members; guarded by the emulator's state lock. */
final class GuildState implements Guild {

    private final Emulator emulator;
    final long id;
    final String name;
    final UserState owner;
    final Instant createdAt = Instant.now();
    final Map<Long, RoleState> roles = new LinkedHashMap<>();
    final Map<Long, ChannelState> channels = new LinkedHashMap<>();
    final Map<Long, MemberState> members = new LinkedHashMap<>();
    final Map<Long, Ban> bans = new LinkedHashMap<>();
    RoleState botRole;

    GuildState(Emulator emulator, long id, String name, UserState owner) {
        this.emulator = emulator;
        this.id = id;
        this.name = name;
        this.owner = owner;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public User owner() {
        return owner;
    }

    Object lock() {
        return emulator.lock();
    }

    @Override
    public Role everyoneRole() {
        synchronized (emulator.lock()) {
            return roles.get(id);
        }
    }

    @Override
    public Role botRole() {
        synchronized (emulator.lock()) {
            return botRole;
        }
    }

    @Override
    public void addMember(User user) {
        synchronized (emulator.lock()) {
            UserState state = emulator.user(user);
            if (members.containsKey(state.id())) {
                return;
            }
            if (bans.containsKey(state.id())) {
                throw new IllegalStateException(state + " is banned from " + this);
            }
            MemberState member = new MemberState(this, state, Instant.now());
            members.put(state.id(), member);
            ObjectNode event = member.json();
            event.put("guild_id", Long.toString(id));
            emulator.dispatch("GUILD_MEMBER_ADD", event, null, id, Intents.GUILD_MEMBERS);
        }
    }

    @Override
    public void removeMember(User user) {
        synchronized (emulator.lock()) {
            MemberState removed = members.remove(user.id());
            if (removed == null) {
                return;
            }
            ObjectNode event = JsonNodeFactory.instance.objectNode();
            event.put("guild_id", Long.toString(id));
            event.set("user", removed.user.json());
            emulator.dispatch("GUILD_MEMBER_REMOVE", event, null, id, Intents.GUILD_MEMBERS);
        }
    }

    @Override
    public boolean isMember(User user) {
        synchronized (emulator.lock()) {
            return members.containsKey(user.id());
        }
    }

    @Override
    public List<User> members() {
        synchronized (emulator.lock()) {
            List<User> users = new ArrayList<>();
            members.values().forEach(member -> users.add(member.user));
            return users;
        }
    }

    @Override
    public Member member(User user) {
        synchronized (emulator.lock()) {
            return member(user.id());
        }
    }

    @Override
    public List<Ban> bans() {
        synchronized (emulator.lock()) {
            return List.copyOf(bans.values());
        }
    }

    // ---- moderation by the bot (REST; the caller holds the lock)

    /**
     * Checks that the bot has a guild permission and outranks the target, as Discord does for kicks, bans,
     * timeouts and nicknames; answers 50013 otherwise.
     */
    void checkCanModerate(UserState target, long permission) {
        UserState bot = emulator.botUserState();
        if ((basePermissions(bot) & permission) == 0 || !outranks(bot, target)) {
            throw missingPermissions();
        }
    }

    /** Whether the actor's highest role is above the target's; the owner outranks everyone and nobody the owner. */
    boolean outranks(UserState actor, UserState target) {
        if (target.id() == owner.id()) {
            return false;
        }
        return actor.id() == owner.id() || highestPosition(actor) > highestPosition(target);
    }

    /** The position of the user's highest role (0, {@code @everyone}'s, without roles). */
    int highestPosition(UserState user) {
        MemberState member = members.get(user.id());
        if (member == null) {
            return 0;
        }
        return member.roles.stream().mapToInt(roleId -> roles.get(roleId).position).max().orElse(0);
    }

    static RestException missingPermissions() {
        return new RestException(403, 50013, "Missing Permissions", null);
    }

    /** Bans a user (member or not), removes the membership and the user's messages newer than {@code since}. */
    void ban(UserState user, String reason, Instant since) {
        bans.put(user.id(), new Ban(user, reason));
        removeMember(user);
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("guild_id", Long.toString(id));
        event.set("user", user.json());
        emulator.dispatch("GUILD_BAN_ADD", event, null, id, Intents.GUILD_MODERATION);
        for (ChannelState channel : channels.values()) {
            emulator.deleteInBulk(channel, channel.messages.stream()
                    .filter(m -> m.author == user && !m.createdAt.isBefore(since)).toList());
        }
    }

    void unban(UserState user) {
        if (bans.remove(user.id()) == null) {
            throw new RestException(404, 10026, "Unknown Ban", null);
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("guild_id", Long.toString(id));
        event.set("user", user.json());
        emulator.dispatch("GUILD_BAN_REMOVE", event, null, id, Intents.GUILD_MODERATION);
    }

    @Override
    public void addRole(User member, Role role) {
        changeRole(member, role, true);
    }

    @Override
    public void removeRole(User member, Role role) {
        changeRole(member, role, false);
    }

    /** Adds or removes a role and tells the bot; returns false if nothing changed. */
    boolean changeRole(User user, Role role, boolean add) {
        synchronized (emulator.lock()) {
            MemberState member = member(user.id());
            if (!roles.containsKey(role.id()) || role.id() == id) {
                throw new IllegalArgumentException(role + " is not an assignable role of " + this);
            }
            boolean changed = add ? member.roles.add(role.id()) : member.roles.remove(role.id());
            if (changed) {
                memberUpdated(member);
            }
            return changed;
        }
    }

    void memberUpdated(MemberState member) {
        ObjectNode event = member.json();
        event.put("guild_id", Long.toString(id));
        emulator.dispatch("GUILD_MEMBER_UPDATE", event, null, id, Intents.GUILD_MEMBERS);
    }

    @Override
    public List<Role> rolesOf(User user) {
        synchronized (emulator.lock()) {
            List<Role> result = new ArrayList<>();
            member(user.id()).roles.forEach(roleId -> result.add(roles.get(roleId)));
            return result;
        }
    }

    @Override
    public Role createRole(String roleName, long permissions) {
        synchronized (emulator.lock()) {
            return roleCreated(addRole(roleName, permissions, 0));
        }
    }

    @Override
    public Role createRoleAtBottom(String roleName, long permissions) {
        synchronized (emulator.lock()) {
            return addRoleAtBottom(roleName, permissions);
        }
    }

    /**
     * Creates a role as Discord's Create Guild Role does: at position 1, just above {@code @everyone}, moving the
     * others up (each move a GUILD_ROLE_UPDATE); the caller holds the lock.
     */
    RoleState addRoleAtBottom(String roleName, long permissions) {
        for (RoleState other : roles.values()) {
            if (other.position >= 1) {
                other.position++;
                other.updated();
            }
        }
        RoleState role = new RoleState(emulator, this, emulator.nextId(), roleName, permissions, 1, 0);
        roles.put(role.id, role);
        return roleCreated(role);
    }

    private RoleState roleCreated(RoleState role) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("guild_id", Long.toString(id));
        event.set("role", role.json());
        emulator.dispatch("GUILD_ROLE_CREATE", event, null, id, Intents.GUILDS);
        return role;
    }

    /** Deletes a role: members lose it and overwrites for it go; the caller holds the lock. */
    void deleteRole(RoleState role) {
        roles.remove(role.id);
        members.values().forEach(member -> member.roles.remove(role.id));
        channels.values().forEach(channel -> channel.overwrites.remove(role.id));
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("guild_id", Long.toString(id));
        event.put("role_id", Long.toString(role.id));
        emulator.dispatch("GUILD_ROLE_DELETE", event, null, id, Intents.GUILDS);
    }

    /** Adds a role above the others without telling the bot (used while the guild is being built). */
    RoleState addRole(String roleName, long permissions, long managedBotId) {
        int position = roles.isEmpty() ? 0 : roles.values().stream().mapToInt(r -> r.position).max().getAsInt() + 1;
        long roleId = roles.isEmpty() ? id : emulator.nextId();
        RoleState role = new RoleState(emulator, this, roleId, roleName, permissions, position, managedBotId);
        roles.put(roleId, role);
        return role;
    }

    @Override
    public List<Role> roles() {
        synchronized (emulator.lock()) {
            return List.copyOf(roles.values());
        }
    }

    @Override
    public TextChannel createTextChannel(String channelName) {
        return createChannel(channelName, ChannelState.TEXT, 0);
    }

    @Override
    public TextChannel createTextChannel(String channelName, Category parent) {
        if (!(parent instanceof ChannelState category) || category.guild != this) {
            throw new IllegalArgumentException(parent + " is not a category of " + this);
        }
        return createChannel(channelName, ChannelState.TEXT, parent.id());
    }

    @Override
    public Category createCategory(String categoryName) {
        return createChannel(categoryName, ChannelState.CATEGORY, 0);
    }

    ChannelState createChannel(String channelName, int type, long parentId) {
        return createChannel(channelName, type, parentId, channel -> {
        });
    }

    /** Creates a channel, lets {@code setup} fill in what the request carried, then tells the bot. */
    ChannelState createChannel(String channelName, int type, long parentId, Consumer<ChannelState> setup) {
        synchronized (emulator.lock()) {
            ChannelState channel = new ChannelState(emulator, this, emulator.nextId(), type, channelName,
                    channels.size(), parentId, emulator.botUserState().id());
            setup.accept(channel);
            channels.put(channel.id, channel);
            emulator.registerChannel(channel);
            ObjectNode json = channel.json();
            if (channel.isThread()) {
                json.put("newly_created", true);
                emulator.dispatch("THREAD_CREATE", json, null, id, Intents.GUILDS);
            } else {
                emulator.dispatch("CHANNEL_CREATE", json, null, id, Intents.GUILDS);
            }
            return channel;
        }
    }

    @Override
    public Optional<TextChannel> channel(String channelName) {
        synchronized (emulator.lock()) {
            return channels.values().stream().filter(c -> c.type != ChannelState.CATEGORY && c.name.equals(channelName))
                    .map(TextChannel.class::cast).findFirst();
        }
    }

    @Override
    public Optional<Category> category(String categoryName) {
        synchronized (emulator.lock()) {
            return channels.values().stream().filter(c -> c.type == ChannelState.CATEGORY && c.name.equals(categoryName))
                    .map(Category.class::cast).findFirst();
        }
    }

    @Override
    public List<TextChannel> textChannels() {
        synchronized (emulator.lock()) {
            List<TextChannel> result = new ArrayList<>();
            channels.values().stream().filter(c -> c.type != ChannelState.CATEGORY).forEach(result::add);
            return result;
        }
    }

    MemberState member(long userId) {
        MemberState member = members.get(userId);
        if (member == null) {
            throw new IllegalArgumentException("user " + userId + " is not a member of " + this);
        }
        return member;
    }

    /** Guild-wide permissions (Discord's "base permissions"). */
    long basePermissions(UserState user) {
        if (user.id() == owner.id()) {
            return Permissions.ALL;
        }
        MemberState member = members.get(user.id());
        if (member == null) {
            return 0;
        }
        long permissions = roles.get(id).permissions;
        for (long roleId : member.roles) {
            permissions |= roles.get(roleId).permissions;
        }
        if ((permissions & Permissions.ADMINISTRATOR) != 0) {
            return Permissions.ALL;
        }
        return member.timedOut() ? permissions & Permissions.TIMED_OUT : permissions;
    }

    /** Permissions in a channel after overwrites, in Discord's order: @everyone, roles, member. */
    long permissionsIn(ChannelState channel, UserState user) {
        long permissions = basePermissions(user);
        if (permissions == Permissions.ALL) {
            return permissions;
        }
        MemberState member = members.get(user.id());
        if (member == null) {
            return 0;
        }
        Map<Long, ChannelState.Overwrite> overwrites = channel.permissionSource().overwrites;
        ChannelState.Overwrite everyone = overwrites.get(id);
        if (everyone != null) {
            permissions = (permissions & ~everyone.deny()) | everyone.allow();
        }
        long allow = 0;
        long deny = 0;
        for (long roleId : member.roles) {
            ChannelState.Overwrite overwrite = overwrites.get(roleId);
            if (overwrite != null && overwrite.type() == 0) {
                allow |= overwrite.allow();
                deny |= overwrite.deny();
            }
        }
        permissions = (permissions & ~deny) | allow;
        ChannelState.Overwrite own = overwrites.get(user.id());
        if (own != null && own.type() == 1) {
            permissions = (permissions & ~own.deny()) | own.allow();
        }
        // a private thread shows only to its members and to those who manage threads (channel.mdx, threads)
        if (channel.type == ChannelState.PRIVATE_THREAD && !channel.threadMembers.contains(user.id())
                && (permissions & Permissions.MANAGE_THREADS) == 0) {
            return 0;
        }
        // overwrites cannot give a timed-out member back what the timeout took
        return member.timedOut() ? permissions & Permissions.TIMED_OUT : permissions;
    }

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Long.toString(id));
        node.put("name", name);
        node.putNull("icon");
        node.putNull("splash");
        node.putNull("discovery_splash");
        node.put("owner_id", Long.toString(owner.id()));
        node.putNull("afk_channel_id");
        // JDA marks a guild unavailable unless afk_timeout is one of Discord's values
        node.put("afk_timeout", 300);
        node.put("verification_level", 0);
        node.put("default_message_notifications", 0);
        node.put("explicit_content_filter", 0);
        ArrayNode roleArray = node.putArray("roles");
        roles.values().forEach(role -> roleArray.add(role.json()));
        node.putArray("emojis");
        node.putArray("stickers");
        node.putArray("features");
        node.put("mfa_level", 0);
        node.putNull("application_id");
        node.putNull("system_channel_id");
        node.put("system_channel_flags", 0);
        node.putNull("rules_channel_id");
        node.put("max_members", 500000);
        node.putNull("vanity_url_code");
        node.putNull("description");
        node.putNull("banner");
        node.put("premium_tier", 0);
        node.put("premium_subscription_count", 0);
        node.put("preferred_locale", "en-US");
        node.putNull("public_updates_channel_id");
        node.put("nsfw_level", 0);
        node.put("premium_progress_bar_enabled", false);
        node.putNull("safety_alerts_channel_id");
        return node;
    }

    /** The GUILD_CREATE payload: the guild plus channels, threads, members and the other arrays JDA requires. */
    ObjectNode createJson() {
        ObjectNode node = json();
        node.put("joined_at", createdAt.toString());
        node.put("large", false);
        node.put("unavailable", false);
        node.put("member_count", members.size());
        node.putArray("voice_states");
        ArrayNode memberArray = node.putArray("members");
        members.values().forEach(member -> memberArray.add(member.json()));
        ArrayNode channelArray = node.putArray("channels");
        ArrayNode threadArray = node.putArray("threads");
        for (ChannelState channel : channels.values()) {
            (channel.isThread() ? threadArray : channelArray).add(channel.json());
        }
        node.putArray("presences");
        node.putArray("stage_instances");
        node.putArray("guild_scheduled_events");
        node.putArray("soundboard_sounds");
        return node;
    }

    @Override
    public String toString() {
        return "Guild[" + name + " " + id + "]";
    }
}
