package org.hotcog.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcog.emulator.Category;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A channel: a guild's text channel (type 0), category (4), public (11) or private thread (12), or a DM between the
 * bot and one user (1), which has no guild; guarded by the state lock.
 */
final class ChannelState implements TextChannel, Category {

    static final int TEXT = 0;
    static final int DM = 1;
    static final int CATEGORY = 4;
    static final int PUBLIC_THREAD = 11;
    static final int PRIVATE_THREAD = 12;

    /** What Discord lets the two users of a DM do: there are no roles or overwrites, and no one moderates. */
    private static final long DM_PERMISSIONS = Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES
            | Permissions.READ_MESSAGE_HISTORY | Permissions.EMBED_LINKS | Permissions.ATTACH_FILES;

    /** A permission overwrite: {@code type} 0 for a role, 1 for a member. */
    record Overwrite(long id, int type, long allow, long deny) {
    }

    private final Emulator emulator;
    /** The guild, or null for a DM. */
    final GuildState guild;
    /** The user the bot talks to in a DM, or null for a guild channel. */
    final UserState recipient;
    final long id;
    final int type;
    String name;
    String topic;
    int rateLimitPerUser;
    final int position;
    long parentId;
    boolean deleted;
    final long ownerId;
    final Instant createdAt = Instant.now();
    final Map<Long, Overwrite> overwrites = new LinkedHashMap<>();
    /** Who has joined a thread: who sees a private thread, besides those who manage threads. */
    final Set<Long> threadMembers = new java.util.LinkedHashSet<>();
    /** A thread's state: archived threads leave the channel list, locked ones take messages from moderators only. */
    boolean archived;
    boolean locked;
    /** Visible (non-ephemeral, not deleted) messages, oldest first. */
    final List<MessageState> messages = new ArrayList<>();
    long lastMessageId;

    ChannelState(Emulator emulator, GuildState guild, long id, int type, String name, int position, long parentId,
            long ownerId) {
        this(emulator, guild, null, id, type, name, position, parentId, ownerId);
    }

    /** A DM channel between the bot and {@code recipient}. */
    ChannelState(Emulator emulator, long id, UserState recipient) {
        this(emulator, null, recipient, id, DM, recipient.name(), 0, 0, 0);
    }

    private ChannelState(Emulator emulator, GuildState guild, UserState recipient, long id, int type, String name,
            int position, long parentId, long ownerId) {
        this.emulator = emulator;
        this.guild = guild;
        this.recipient = recipient;
        this.id = id;
        this.type = type;
        this.name = name;
        this.position = position;
        this.parentId = parentId;
        this.ownerId = ownerId;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String name() {
        synchronized (emulator.lock()) {
            return name;
        }
    }

    @Override
    public Guild guild() {
        return guild;
    }

    @Override
    public boolean thread() {
        return isThread();
    }

    @Override
    public boolean privateThread() {
        return type == PRIVATE_THREAD;
    }

    @Override
    public boolean archived() {
        synchronized (emulator.lock()) {
            return archived;
        }
    }

    @Override
    public boolean locked() {
        synchronized (emulator.lock()) {
            return locked;
        }
    }

    @Override
    public int slowmode() {
        synchronized (emulator.lock()) {
            return rateLimitPerUser;
        }
    }

    @Override
    public boolean deleted() {
        synchronized (emulator.lock()) {
            return deleted;
        }
    }

    boolean isThread() {
        return type == PUBLIC_THREAD || type == PRIVATE_THREAD;
    }

    boolean isDm() {
        return type == DM;
    }

    /** The guild id gateway events of this channel are routed by: 0 for a DM, which Discord sends on shard 0. */
    long guildId() {
        return isDm() ? 0 : guild.id;
    }

    /** The intent a bot needs to receive this channel's message events. */
    long messageIntent() {
        return isDm() ? Intents.DIRECT_MESSAGES : Intents.GUILD_MESSAGES;
    }

    @Override
    public List<Message> messages() {
        synchronized (emulator.lock()) {
            return List.copyOf(messages);
        }
    }

    @Override
    public Message post(User author, String content) {
        return emulator.postAsUser(this, (UserState) author, content, Instant.now());
    }

    @Override
    public Message post(User author, String content, Instant sentAt) {
        return emulator.postAsUser(this, (UserState) author, content, sentAt);
    }

    @Override
    public Message reply(User author, Message to, String content) {
        return emulator.postAsUser(this, (UserState) author, content, Instant.now(), (MessageState) to, Map.of());
    }

    @Override
    public Message post(User author, String content, Map<String, byte[]> files) {
        return emulator.postAsUser(this, (UserState) author, content, Instant.now(), null, new LinkedHashMap<>(files));
    }

    @Override
    public TextChannel createThread(String threadName) {
        if (type != TEXT) {
            throw new IllegalStateException("threads can only be created in text channels, not in " + name);
        }
        return guild.createChannel(threadName, PUBLIC_THREAD, id);
    }

    @Override
    public void setOverwrite(Role role, long allow, long deny) {
        setOverwrite(new Overwrite(role.id(), 0, allow, deny));
    }

    @Override
    public void setOverwrite(User member, long allow, long deny) {
        setOverwrite(new Overwrite(member.id(), 1, allow, deny));
    }

    private void setOverwrite(Overwrite overwrite) {
        synchronized (emulator.lock()) {
            overwrites.put(overwrite.id(), overwrite);
            updated();
        }
    }

    /** Tells the bot about a change: CHANNEL_UPDATE, or THREAD_UPDATE for a thread. */
    void updated() {
        emulator.dispatch(isThread() ? "THREAD_UPDATE" : "CHANNEL_UPDATE", json(), null, guild.id, Intents.GUILDS);
    }

    @Override
    public long permissionsOf(User member) {
        synchronized (emulator.lock()) {
            if (isDm()) {
                return member == recipient || member == emulator.botUser() ? DM_PERMISSIONS : 0;
            }
            return guild.permissionsIn(this, (UserState) member);
        }
    }

    /** The channel whose overwrites apply: threads inherit their parent's. */
    ChannelState permissionSource() {
        return isThread() ? guild.channels.get(parentId) : this;
    }

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Long.toString(id));
        node.put("type", type);
        if (isDm()) {
            // Discord's DM channel object: no guild, name or position, the other user in "recipients"
            node.put("flags", 0);
            putLastMessageId(node);
            node.putArray("recipients").add(recipient.json());
            return node;
        }
        node.put("guild_id", Long.toString(guild.id));
        node.put("name", name);
        node.put("flags", 0);
        if (parentId == 0) {
            node.putNull("parent_id");
        } else {
            node.put("parent_id", Long.toString(parentId));
        }
        if (type != CATEGORY) {
            node.put("rate_limit_per_user", rateLimitPerUser);
            putLastMessageId(node);
        }
        if (isThread()) {
            node.put("owner_id", Long.toString(ownerId));
            node.put("message_count", messages.size());
            node.put("total_message_sent", messages.size());
            node.put("member_count", Math.max(1, threadMembers.size()));
            ObjectNode metadata = node.putObject("thread_metadata");
            metadata.put("archived", archived);
            metadata.put("auto_archive_duration", 1440);
            metadata.put("archive_timestamp", createdAt.toString());
            metadata.put("locked", locked);
            metadata.put("create_timestamp", createdAt.toString());
            if (type == PRIVATE_THREAD) {
                metadata.put("invitable", false);
            }
            return node;
        }
        node.put("position", position);
        node.put("nsfw", false);
        if (type == TEXT) {
            if (topic == null) {
                node.putNull("topic");
            } else {
                node.put("topic", topic);
            }
            node.put("default_thread_rate_limit_per_user", 0);
        }
        ArrayNode list = node.putArray("permission_overwrites");
        for (Overwrite overwrite : overwrites.values()) {
            list.addObject().put("id", Long.toString(overwrite.id())).put("type", overwrite.type())
                    .put("allow", Long.toString(overwrite.allow())).put("deny", Long.toString(overwrite.deny()));
        }
        return node;
    }

    private void putLastMessageId(ObjectNode node) {
        if (lastMessageId == 0) {
            node.putNull("last_message_id");
        } else {
            node.put("last_message_id", Long.toString(lastMessageId));
        }
    }

    @Override
    public String toString() {
        return "Channel[" + name + " " + id + "]";
    }
}
