package org.hotcog.emulator.internal;

import java.net.URLConnection;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

import org.hotcog.emulator.ApplicationCommand;
import org.hotcog.emulator.Attachment;
import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.emulator.internal.gateway.Gateway;
import org.hotcog.emulator.internal.gateway.GatewayBackend;
import org.hotcog.emulator.internal.rest.RestException;
import org.hotcog.emulator.internal.rest.RestRequest.UploadedFile;
import org.hotcog.emulator.internal.rest.RestServer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The local Discord's state and operations behind {@link org.hotcog.emulator.LocalDiscord}. All state is guarded by
 * one lock: operations are short, and one lock keeps gateway dispatches in the order of the changes they report.
 */
public final class Emulator implements GatewayBackend, AutoCloseable {

    /** Discord's epoch (2015-01-01T00:00:00Z), the base of snowflake timestamps. */
    private static final long DISCORD_EPOCH = 1420070400000L;
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {
    };
    /** Discord's limits on a message (message resource, "Create Message"). */
    private static final int MAX_CONTENT = 2000;
    private static final int MAX_EMBEDS = 10;
    private static final int MAX_CUSTOM_ID = 100;

    private final Object lock = new Object();
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong sequence = new AtomicLong();
    private final SecureRandom random = new SecureRandom();
    private final UserState bot;
    private final String botToken;
    private final Map<Long, UserState> users = new HashMap<>();
    private final Map<Long, GuildState> guilds = new LinkedHashMap<>();
    private final Map<Long, ChannelState> channels = new HashMap<>();
    /** The DM channels, by the id of the user the bot talks to: Discord keeps one per pair of users. */
    private final Map<Long, ChannelState> dms = new HashMap<>();
    private final Map<Long, MessageState> messages = new HashMap<>();
    private final Map<Long, InteractionState> interactions = new ConcurrentHashMap<>();
    private final Map<String, InteractionState> interactionsByToken = new ConcurrentHashMap<>();
    private final CommandRegistry commands = new CommandRegistry(this);
    /** What {@code GET /gateway/bot} recommends; a bot that sets no shard total starts this many. */
    private volatile int recommendedShards = 1;
    private final Gateway gateway;
    private final RestServer rest;

    private Emulator() {
        bot = new UserState(this, nextId(), "hotcog-bot", true);
        users.put(bot.id(), bot);
        // Discord's token shape: base64(user id) . timestamp . HMAC; JDA only checks that there are three parts
        botToken = Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(bot.id()).getBytes())
                + "." + randomToken(6) + "." + randomToken(27);
        gateway = new Gateway(mapper, this);
        rest = RestServer.open(mapper, this::authorizes, this::onRestError);
        new RestApi(this).register(rest);
        new ModerationApi(this).register(rest);
        new ManagementApi(this).register(rest);
        rest.serveAttachments(this::attachment);
        rest.serve();
    }

    /** Starts a new, independent local Discord. */
    public static Emulator start() {
        return new Emulator();
    }

    @Override
    public Object lock() {
        return lock;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** A fresh snowflake: {@code (now - Discord epoch) << 22 | counter}, so JDA dates entities correctly. */
    long nextId() {
        return idAt(Instant.now());
    }

    private long idAt(Instant time) {
        return ((time.toEpochMilli() - DISCORD_EPOCH) << 22) | (sequence.getAndIncrement() & 0x3FFFFF);
    }

    /** The creation time a snowflake carries. */
    static Instant timeOf(long snowflake) {
        return Instant.ofEpochMilli((snowflake >>> 22) + DISCORD_EPOCH);
    }

    private String randomToken(int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(data);
    }

    public String restUrl() {
        return "http://127.0.0.1:" + rest.port() + RestServer.API_PREFIX;
    }

    public String gatewayUrl() {
        return gateway.url();
    }

    public String botToken() {
        return botToken;
    }

    @Override
    public long applicationId() {
        return bot.id();
    }

    public User botUser() {
        return bot;
    }

    UserState botUserState() {
        return bot;
    }

    public int recommendedShards() {
        return recommendedShards;
    }

    public void recommendShards(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one shard: " + count);
        }
        recommendedShards = count;
    }

    public Gateway gateway() {
        return gateway;
    }

    public RestServer rest() {
        return rest;
    }

    private boolean authorizes(String header) {
        return header != null && header.equals("Bot " + botToken);
    }

    @Override
    public boolean acceptsToken(String token) {
        return botToken.equals(token.startsWith("Bot ") ? token.substring(4) : token);
    }

    // ---- users, guilds, channels

    public User createUser(String name) {
        return createUser(name, false);
    }

    public User createUser(String name, boolean isBot) {
        synchronized (lock) {
            UserState user = new UserState(this, nextId(), name, isBot);
            users.put(user.id(), user);
            return user;
        }
    }

    UserState user(User user) {
        synchronized (lock) {
            UserState state = users.get(user.id());
            if (state == null || state != user) {
                throw new IllegalArgumentException(user + " does not belong to this local Discord");
            }
            return state;
        }
    }

    UserState userOrNull(long id) {
        return users.get(id);
    }

    public Guild createGuild(String name) {
        return createGuild(name, nextId());
    }

    /**
     * A guild whose events go to {@code shard} of {@code shardTotal}: its id's timestamp is moved back by up to
     * {@code shardTotal - 1} milliseconds, as Discord routes by {@code (guild_id >> 22) % shard_total}.
     */
    public Guild createGuildOnShard(String name, int shard, int shardTotal) {
        if (shardTotal < 1 || shard < 0 || shard >= shardTotal) {
            throw new IllegalArgumentException("shard " + shard + " of " + shardTotal);
        }
        long millis = Instant.now().toEpochMilli() - DISCORD_EPOCH;
        long back = Math.floorMod(millis - shard, shardTotal);
        return createGuild(name, idAt(Instant.ofEpochMilli(millis - back + DISCORD_EPOCH)));
    }

    private Guild createGuild(String name, long id) {
        synchronized (lock) {
            UserState owner = (UserState) createUser(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                    + "-owner");
            GuildState guild = new GuildState(this, id, name, owner);
            guild.addRole("@everyone", Permissions.EVERYONE_DEFAULT, 0);
            guild.botRole = guild.addRole(bot.name(), Permissions.ADMINISTRATOR, bot.id());
            guild.members.put(owner.id(), new MemberState(guild, owner, Instant.now()));
            MemberState botMember = new MemberState(guild, bot, Instant.now());
            botMember.roles.add(guild.botRole.id);
            guild.members.put(bot.id(), botMember);
            guilds.put(guild.id, guild);
            dispatch("GUILD_CREATE", guild.createJson(), null, guild.id, Intents.GUILDS);
            return guild;
        }
    }

    public List<Guild> guilds() {
        synchronized (lock) {
            return List.copyOf(guilds.values());
        }
    }

    void registerChannel(ChannelState channel) {
        channels.put(channel.id, channel);
    }

    ChannelState channel(long id) {
        ChannelState channel = channels.get(id);
        if (channel == null || channel.deleted) {
            throw new RestException(404, 10003, "Unknown Channel", null);
        }
        return channel;
    }

    /**
     * The DM channel with a user, created on first use; Discord sends no CHANNEL_CREATE for it. The caller holds
     * the lock.
     */
    ChannelState openDm(UserState recipient) {
        return dms.computeIfAbsent(recipient.id(), id -> {
            ChannelState dm = new ChannelState(this, nextId(), recipient);
            registerChannel(dm);
            return dm;
        });
    }

    public List<Message> dmsOf(User user) {
        synchronized (lock) {
            ChannelState dm = dms.get(user(user).id());
            return dm == null ? List.of()
                    : dm.messages.stream().filter(m -> m.author == bot).map(Message.class::cast).toList();
        }
    }

    GuildState guild(long id) {
        GuildState guild = guilds.get(id);
        if (guild == null) {
            throw new RestException(404, 10004, "Unknown Guild", null);
        }
        return guild;
    }

    MessageState message(ChannelState channel, long id) {
        MessageState message = messages.get(id);
        if (message == null || message.channel != channel || message.deleted) {
            throw new RestException(404, 10008, "Unknown Message", null);
        }
        return message;
    }

    /** Sends a dispatch; the caller holds the lock. */
    void dispatch(String type, JsonNode data, JsonNode redacted, long guildId, long intent) {
        gateway.dispatch(type, data, redacted, guildId, intent);
    }

    // ---- gateway backend (called under the lock)

    @Override
    public ObjectNode selfUser() {
        ObjectNode user = bot.json();
        user.put("verified", true);
        user.put("mfa_enabled", false);
        return user;
    }

    @Override
    public List<Long> guildIds() {
        return new ArrayList<>(guilds.keySet());
    }

    @Override
    public ObjectNode guildCreate(long guildId) {
        return guilds.get(guildId).createJson();
    }

    @Override
    public ObjectNode membersChunk(long guildId, JsonNode request) {
        GuildState guild = guilds.get(guildId);
        if (guild == null) {
            return null;
        }
        ObjectNode chunk = mapper.createObjectNode();
        chunk.put("guild_id", Long.toString(guildId));
        ArrayNode members = chunk.putArray("members");
        String query = request.path("query").asText("");
        Set<String> wanted = new HashSet<>();
        request.path("user_ids").forEach(id -> wanted.add(id.asText()));
        if (request.path("user_ids").isTextual()) {
            wanted.add(request.path("user_ids").asText());
        }
        for (MemberState member : guild.members.values()) {
            boolean byId = wanted.isEmpty() || wanted.contains(Long.toString(member.user.id()));
            if (byId && member.user.name().startsWith(query)) {
                members.add(member.json());
            }
        }
        chunk.put("chunk_index", 0);
        chunk.put("chunk_count", 1);
        if (request.hasNonNull("nonce")) {
            chunk.set("nonce", request.get("nonce"));
        }
        return chunk;
    }

    // ---- messages

    Message postAsUser(ChannelState channel, UserState author, String content, Instant sentAt) {
        return postAsUser(channel, author, content, sentAt, null, Map.of());
    }

    /**
     * A member's message as the client sends it: a reply ({@code repliesTo} not null, type 19 with its
     * {@code message_reference}) and files (each a new attachment the local Discord serves) are optional.
     */
    Message postAsUser(ChannelState channel, UserState author, String content, Instant sentAt, MessageState repliesTo,
            Map<String, byte[]> files) {
        synchronized (lock) {
            user(author);
            if (!channel.guild.members.containsKey(author.id())) {
                throw new IllegalArgumentException(author + " is not a member of " + channel.guild);
            }
            if (!(files.isEmpty() ? content != null && !content.isEmpty() : content != null)
                    || content.length() > MAX_CONTENT) {
                throw new IllegalArgumentException("a user message needs 1 to 2000 characters, or a file");
            }
            if (repliesTo != null && (repliesTo.channel != channel || repliesTo.deleted)) {
                throw new IllegalArgumentException("the client replies only to a message of the same channel: "
                        + repliesTo);
            }
            // the client does not let a member write where they may not (a timeout, an overwrite)
            if ((channel.guild.permissionsIn(channel, author) & Permissions.SEND_MESSAGES) == 0) {
                throw new IllegalStateException(author + " may not send messages in " + channel);
            }
            MessageState message = new MessageState(this, idAt(sentAt), channel, author,
                    repliesTo == null ? MessageState.DEFAULT : MessageState.REPLY, 0, null);
            message.content = content;
            message.repliesTo = repliesTo;
            List<Attachment> attached = new ArrayList<>();
            files.forEach((name, data) -> attached.add(new Attachment(nextId(), name,
                    Objects.requireNonNullElse(URLConnection.guessContentTypeFromName(name), "application/octet-stream"),
                    data.clone())));
            message.attachments = List.copyOf(attached);
            store(message, true);
            return message;
        }
    }

    public Message postDm(User user, String content) {
        synchronized (lock) {
            UserState author = user(user);
            if (author == bot) {
                throw new IllegalArgumentException("the bot sends its DMs through the REST API");
            }
            checkUserContent(content);
            MessageState message = new MessageState(this, nextId(), openDm(author), author, 0, 0, null);
            message.content = content;
            store(message, true);
            return message;
        }
    }

    private static void checkUserContent(String content) {
        if (content == null || content.isEmpty() || content.length() > MAX_CONTENT) {
            throw new IllegalArgumentException("a user message needs 1 to 2000 characters");
        }
    }

    /** Stores a new message; visible ones go to the channel and to the bot as MESSAGE_CREATE. */
    private void store(MessageState message, boolean visible) {
        messages.put(message.id, message);
        if (!visible) {
            return;
        }
        message.channel.messages.add(message);
        message.channel.lastMessageId = message.id;
        if (message.channel.type == ChannelState.PRIVATE_THREAD) {
            joinMentioned(message);
        }
        ObjectNode json = message.json();
        dispatch("MESSAGE_CREATE", json, redacted(message, json), message.channel.guildId(),
                message.channel.messageIntent());
    }

    /**
     * A mention in a private thread adds the mentioned members, and the members of a mentioned role, who can see
     * the thread's channel; only mentions the message's allowed_mentions let through count (threads.mdx).
     */
    private void joinMentioned(MessageState message) {
        ChannelState thread = message.channel;
        GuildState guild = thread.guild;
        JsonNode allowed = message.allowedMentions;
        Matcher users = MessageState.USER_MENTION.matcher(message.content);
        while (users.find()) {
            long id = Long.parseLong(users.group(1));
            if (mentionAllowed(allowed, "users", id)) {
                join(thread, id);
            }
        }
        Matcher roles = MessageState.ROLE_MENTION.matcher(message.content);
        while (roles.find()) {
            long roleId = Long.parseLong(roles.group(1));
            if (mentionAllowed(allowed, "roles", roleId)) {
                guild.members.values().stream().filter(m -> m.roles.contains(roleId))
                        .forEach(m -> join(thread, m.user.id()));
            }
        }
    }

    private static boolean mentionAllowed(JsonNode allowed, String kind, long id) {
        if (allowed == null) {
            return true;
        }
        for (JsonNode parsed : allowed.path("parse")) {
            if (parsed.asText().equals(kind)) {
                return true;
            }
        }
        for (JsonNode listed : allowed.path(kind)) {
            if (listed.asText().equals(Long.toString(id))) {
                return true;
            }
        }
        return false;
    }

    private void join(ChannelState thread, long userId) {
        UserState user = userOrNull(userId);
        if (user != null && thread.guild.members.containsKey(userId)
                && (thread.guild.permissionsIn(thread.permissionSource(), user) & Permissions.VIEW_CHANNEL) != 0) {
            thread.threadMembers.add(userId);
        }
    }

    /**
     * What a bot without the MESSAGE_CONTENT intent receives: Discord empties content, embeds, attachments and
     * components unless the bot wrote the message, is mentioned in it or it is in a DM with the bot (gateway.mdx,
     * "Message Content Intent").
     */
    private JsonNode redacted(MessageState message, ObjectNode json) {
        if (message.author == bot || message.mentions(bot.id()) || message.channel.isDm()) {
            return null;
        }
        ObjectNode copy = json.deepCopy();
        copy.put("content", "");
        copy.putArray("embeds");
        copy.putArray("attachments");
        copy.putArray("components");
        if (copy.get("referenced_message") instanceof ObjectNode referenced && message.repliesTo.author != bot) {
            referenced.put("content", "");
            referenced.putArray("embeds");
            referenced.putArray("attachments");
        }
        return copy;
    }

    /** Creates a message the bot sends to a channel ({@code POST channels/{c}/messages}). */
    MessageState createBotMessage(ChannelState channel, JsonNode body, List<UploadedFile> files) {
        synchronized (lock) {
            if (channel.isDm() && !channel.recipient.acceptsDms) {
                throw new RestException(403, 50007, "Cannot send messages to this user", null);
            }
            long permissions = channel.permissionsOf(bot);
            if ((permissions & Permissions.VIEW_CHANNEL) == 0) {
                throw new RestException(403, 50001, "Missing Access", null);
            }
            long send = channel.isThread() ? Permissions.SEND_MESSAGES_IN_THREADS
                    : Permissions.SEND_MESSAGES;
            if ((permissions & send) == 0 || (!files.isEmpty() && (permissions & Permissions.ATTACH_FILES) == 0)) {
                throw new RestException(403, 50013, "Missing Permissions", null);
            }
            MessageState message = new MessageState(this, nextId(), channel, bot, 0, 0, null);
            fill(message, body, files, true);
            message.flags = body.path("flags").asInt(0) & ((1 << 2) | (1 << 12) | (1 << 15));
            store(message, true);
            return message;
        }
    }

    /** Creates an interaction response or follow-up (webhook message of the application). */
    MessageState createInteractionMessage(InteractionState interaction, JsonNode body, List<UploadedFile> files,
            boolean deferred) {
        synchronized (lock) {
            int type = interaction.type == InteractionState.APPLICATION_COMMAND ? 20 : 0;
            MessageState message = new MessageState(this, nextId(), interaction.channel, bot, type, bot.id(),
                    interaction);
            int flags = body.path("flags").asInt(0);
            if (deferred) {
                message.flags = Message.LOADING | (flags & Message.EPHEMERAL);
            } else {
                fill(message, body, files, true);
                message.flags = flags & (Message.EPHEMERAL | (1 << 2) | (1 << 12) | (1 << 15));
            }
            store(message, !message.ephemeral());
            return message;
        }
    }

    /** Applies an edit (content, embeds, components, attachments) and tells the bot with MESSAGE_UPDATE. */
    void editMessage(MessageState message, JsonNode body, List<UploadedFile> files) {
        synchronized (lock) {
            if (message.deleted) {
                throw new RestException(404, 10008, "Unknown Message", null);
            }
            boolean wasLoading = message.loading();
            fill(message, body, files, false);
            if (wasLoading) {
                // the first edit of a deferred response is its real content, not an edit the user sees as one
                message.flags &= ~Message.LOADING;
            } else {
                message.editedAt = Instant.now();
            }
            message.editCount++;
            if (body.has("flags")) {
                int keep = message.flags & (Message.EPHEMERAL | Message.LOADING);
                message.flags = keep | (body.path("flags").asInt(0) & ((1 << 2) | (1 << 15)));
            }
            if (!message.ephemeral()) {
                ObjectNode json = message.json();
                dispatch("MESSAGE_UPDATE", json, redacted(message, json), message.channel.guildId(),
                        message.channel.messageIntent());
            }
        }
        if (message.interaction != null) {
            message.interaction.signal();
        }
    }

    void deleteMessage(MessageState message) {
        synchronized (lock) {
            if (message.deleted) {
                throw new RestException(404, 10008, "Unknown Message", null);
            }
            message.deleted = true;
            boolean visible = message.channel.messages.remove(message);
            if (visible) {
                ObjectNode event = mapper.createObjectNode();
                event.put("id", Long.toString(message.id));
                event.put("channel_id", Long.toString(message.channel.id));
                if (!message.channel.isDm()) {
                    event.put("guild_id", Long.toString(message.channel.guild.id));
                }
                dispatch("MESSAGE_DELETE", event, null, message.channel.guildId(), message.channel.messageIntent());
            }
        }
        if (message.interaction != null) {
            message.interaction.signal();
        }
    }

    /**
     * Deletes messages of one channel at once and tells the bot with one MESSAGE_DELETE_BULK (bulk delete, and the
     * purge of a ban); the caller holds the lock.
     */
    void deleteInBulk(ChannelState channel, List<MessageState> doomed) {
        if (doomed.isEmpty()) {
            return;
        }
        ObjectNode event = mapper.createObjectNode();
        ArrayNode ids = event.putArray("ids");
        for (MessageState message : doomed) {
            message.deleted = true;
            channel.messages.remove(message);
            ids.add(Long.toString(message.id));
        }
        event.put("channel_id", Long.toString(channel.id));
        event.put("guild_id", Long.toString(channel.guild.id));
        dispatch("MESSAGE_DELETE_BULK", event, null, channel.guild.id, Intents.GUILD_MESSAGES);
    }

    /** Validates a message body as Discord does and copies it into the message. */
    private void fill(MessageState message, JsonNode body, List<UploadedFile> files, boolean creating) {
        if (!body.isObject() && !body.isMissingNode()) {
            throw invalidForm("_errors", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
        }
        String content = body.has("content") ? body.path("content").asText("") : null;
        if (content != null && content.length() > MAX_CONTENT) {
            throw invalidForm("content", "BASE_TYPE_MAX_LENGTH", "Must be 2000 or fewer in length.");
        }
        JsonNode embeds = body.path("embeds");
        if (embeds.isArray() && embeds.size() > MAX_EMBEDS) {
            throw invalidForm("embeds", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        }
        JsonNode components = body.path("components");
        if (components.isArray()) {
            checkCustomIds(components, new HashSet<>());
        }
        List<Attachment> attachments = attachments(message, body, files);
        if (creating) {
            boolean empty = (content == null || content.isEmpty()) && !(embeds.isArray() && !embeds.isEmpty())
                    && !(components.isArray() && !components.isEmpty()) && attachments.isEmpty()
                    && !body.has("poll") && !body.has("sticker_ids");
            if (empty) {
                throw new RestException(400, 50006, "Cannot send an empty message", null);
            }
        }
        if (content != null) {
            message.content = content;
        }
        if (body.has("allowed_mentions")) {
            message.allowedMentions = body.get("allowed_mentions").deepCopy();
        }
        if (body.has("embeds")) {
            message.embeds = embeds.isArray() ? (ArrayNode) embeds.deepCopy() : mapper.createArrayNode();
            // Discord answers every embed a bot sends with its type, "rich"; JDA refuses one without it.
            message.embeds.forEach(embed -> {
                if (embed.isObject() && !embed.has("type")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) embed).put("type", "rich");
                }
            });
        }
        if (body.has("components")) {
            message.components = components.isArray() ? (ArrayNode) components.deepCopy() : mapper.createArrayNode();
        }
        if (attachments != null) {
            message.attachments = attachments;
        }
    }

    private static void checkCustomIds(JsonNode node, Set<String> seen) {
        if (node.isObject() && node.has("custom_id")) {
            String customId = node.path("custom_id").asText("");
            if (customId.isEmpty() || customId.length() > MAX_CUSTOM_ID) {
                throw invalidForm("components", "BASE_TYPE_BAD_LENGTH", "custom_id must be 1 to 100 characters.");
            }
            if (!seen.add(customId)) {
                throw invalidForm("components", "COMPONENT_CUSTOM_ID_DUPLICATED",
                        "Component custom id cannot be duplicated");
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> checkCustomIds(child, seen));
        }
    }

    /**
     * The attachments after this request: the {@code attachments} array keeps existing ones by id and names new
     * uploads by their {@code files[n]} index; without it, new uploads are added. Returns the current list when the
     * request touches no attachments.
     */
    private List<Attachment> attachments(MessageState message, JsonNode body, List<UploadedFile> files) {
        Map<Integer, UploadedFile> byIndex = new HashMap<>();
        files.forEach(file -> byIndex.put(file.index(), file));
        JsonNode declared = body.path("attachments");
        List<Attachment> result = new ArrayList<>();
        if (declared.isArray()) {
            for (JsonNode entry : declared) {
                long id = entry.path("id").asLong(-1);
                UploadedFile upload = id >= 0 && id < Integer.MAX_VALUE ? byIndex.remove((int) id) : null;
                if (upload != null) {
                    result.add(toAttachment(upload, entry.path("filename").asText(upload.filename())));
                } else {
                    message.attachments.stream().filter(a -> a.id() == id).findFirst().ifPresent(result::add);
                }
            }
            byIndex.values().forEach(upload -> result.add(toAttachment(upload, upload.filename())));
            return result;
        }
        if (files.isEmpty()) {
            return message.attachments;
        }
        result.addAll(message.attachments);
        files.forEach(upload -> result.add(toAttachment(upload, upload.filename())));
        return result;
    }

    private Attachment toAttachment(UploadedFile upload, String filename) {
        return new Attachment(nextId(), filename, upload.contentType(), upload.data());
    }

    /** An attachment of a message of the channel, deleted or not (the CDN keeps files a while). */
    private Optional<Attachment> attachment(long channelId, long attachmentId, String filename) {
        synchronized (lock) {
            return messages.values().stream().filter(message -> message.channel.id == channelId)
                    .flatMap(message -> message.attachments.stream())
                    .filter(a -> a.id() == attachmentId && a.filename().equals(filename)).findFirst();
        }
    }

    String attachmentUrl(long channelId, Attachment attachment) {
        return "http://127.0.0.1:" + rest.port() + "/attachments/" + channelId + "/" + attachment.id() + "/"
                + attachment.filename();
    }

    // ---- interactions

    public CommandInvocation command(User user, TextChannel channel, String name) {
        return new CommandInvocationImpl(this, user(user), (ChannelState) channel, name);
    }

    /** Runs a message context-menu command on a message, as the client's "Apps" menu does (type 3 data). */
    public InteractionResult messageCommand(User user, Message message, String name) {
        MessageState target = (MessageState) message;
        UserState invoker = user(user);
        ObjectNode command;
        synchronized (lock) {
            command = commands.find(target.channel.guildId(), 3, name);
            if (command == null) {
                throw new IllegalArgumentException("the bot registered no message command '" + name + "'");
            }
        }
        checkCanUse(invoker, target.channel, command);
        ObjectNode data = mapper.createObjectNode();
        data.put("id", command.path("id").asText());
        data.put("name", name);
        data.put("type", 3);
        data.put("target_id", Long.toString(target.id()));
        synchronized (lock) {
            data.putObject("resolved").putObject("messages").set(Long.toString(target.id()), target.json());
        }
        return startInteraction(InteractionState.APPLICATION_COMMAND, invoker, target.channel, data, null);
    }

    ObjectNode findCommand(long guildId, String name) {
        synchronized (lock) {
            return commands.find(guildId, name);
        }
    }

    /** Checks that the user may use the channel and sees the command, as the Discord client would. */
    void checkCanUse(UserState user, ChannelState channel, ObjectNode command) {
        synchronized (lock) {
            if (channel.isDm()) {
                // a direct message is the bot's and its recipient's only
                if (channel.recipient.id() != user.id()) {
                    throw new IllegalStateException(user + " cannot see the direct messages of " + channel.recipient);
                }
                return;
            }
            if (!channel.guild.members.containsKey(user.id())) {
                throw new IllegalArgumentException(user + " is not a member of " + channel.guild);
            }
            long permissions = channel.guild.permissionsIn(channel, user);
            if ((permissions & Permissions.VIEW_CHANNEL) == 0) {
                throw new IllegalStateException(user + " cannot see " + channel);
            }
            JsonNode required = command == null ? null : command.get("default_member_permissions");
            if (required != null && !required.isNull()) {
                long needed = Long.parseLong(required.asText());
                if ((permissions & needed) != needed) {
                    throw new IllegalStateException(user + " lacks the permissions to see /"
                            + command.path("name").asText() + " (default_member_permissions " + needed + ")");
                }
            }
        }
    }

    /** Creates an interaction and sends INTERACTION_CREATE. */
    InteractionState startInteraction(int type, UserState user, ChannelState channel, ObjectNode data,
            MessageState source) {
        InteractionState interaction = new InteractionState(this, nextId(), "aW50ZXJhY3Rpb24" + randomToken(48), type,
                user, channel, data, source);
        interactions.put(interaction.id, interaction);
        interactionsByToken.put(interaction.token, interaction);
        synchronized (lock) {
            if (channel.isDm()) {
                dispatch("INTERACTION_CREATE", dmInteraction(interaction, user, channel, data, source), null, 0, 0);
                pruneExpired();
                return interaction;
            }
            GuildState guild = channel.guild;
            MemberState member = guild.member(user.id());
            ObjectNode payload = mapper.createObjectNode();
            payload.put("id", Long.toString(interaction.id));
            payload.put("application_id", Long.toString(bot.id()));
            payload.put("type", type);
            payload.set("data", data);
            payload.put("guild_id", Long.toString(guild.id));
            payload.putObject("guild").put("id", Long.toString(guild.id)).put("locale", "en-US")
                    .putArray("features");
            payload.put("channel_id", Long.toString(channel.id));
            payload.set("channel", channel.json());
            ObjectNode memberJson = member.json();
            memberJson.put("permissions", Long.toString(guild.permissionsIn(channel, user)));
            payload.set("member", memberJson);
            payload.put("token", interaction.token);
            payload.put("version", 1);
            if (source != null) {
                payload.set("message", source.json());
            }
            payload.put("app_permissions", Long.toString(guild.permissionsIn(channel, bot)));
            payload.put("locale", "en-US");
            payload.put("guild_locale", "en-US");
            payload.putArray("entitlements");
            payload.putObject("authorizing_integration_owners").put("0", Long.toString(guild.id));
            payload.put("context", 0);
            payload.put("attachment_size_limit", 10 * 1024 * 1024);
            dispatch("INTERACTION_CREATE", payload, null, guild.id, 0);
        }
        pruneExpired();
        return interaction;
    }

    /**
     * An interaction in the bot's direct messages (interaction.mdx): {@code user} instead of {@code member}, no
     * guild, context 1 (BOT_DM), and the app's permissions in a DM.
     */
    private ObjectNode dmInteraction(InteractionState interaction, UserState user, ChannelState channel,
            ObjectNode data, MessageState source) {
        ObjectNode payload = mapper.createObjectNode();
        payload.put("id", Long.toString(interaction.id));
        payload.put("application_id", Long.toString(bot.id()));
        payload.put("type", interaction.type);
        payload.set("data", data);
        payload.put("channel_id", Long.toString(channel.id));
        payload.set("channel", channel.json());
        payload.set("user", user.json());
        payload.put("token", interaction.token);
        payload.put("version", 1);
        if (source != null) {
            payload.set("message", source.json());
        }
        payload.put("app_permissions", Long.toString(Permissions.DM));
        payload.put("locale", "en-US");
        payload.putArray("entitlements");
        payload.putObject("authorizing_integration_owners").put("0", "0");
        payload.put("context", 1);
        payload.put("attachment_size_limit", 10 * 1024 * 1024);
        return payload;
    }

    /** Forgets interactions whose token expired, so long benchmarks do not grow without bound. */
    private void pruneExpired() {
        if ((sequence.get() & 0x3FF) == 0) {
            interactions.values().removeIf(InteractionState::tokenExpired);
            interactionsByToken.values().removeIf(InteractionState::tokenExpired);
        }
    }

    InteractionState interaction(long id, String token) {
        InteractionState interaction = interactions.get(id);
        if (interaction == null || !interaction.token.equals(token)) {
            throw new RestException(404, 10062, "Unknown interaction", null);
        }
        return interaction;
    }

    /** The interaction behind a webhook route; Discord answers 401 50027 once the token has expired. */
    InteractionState interactionByToken(String applicationId, String token) {
        InteractionState interaction = interactionsByToken.get(token);
        if (interaction == null || !applicationId.equals(Long.toString(bot.id()))) {
            throw new RestException(404, 10015, "Unknown Webhook", null);
        }
        if (interaction.tokenExpired()) {
            throw new RestException(401, 50027, "Invalid Webhook Token", null);
        }
        return interaction;
    }

    private void onRestError(String route, Map<String, String> params, RestException error) {
        InteractionState interaction = null;
        if (route.startsWith("interactions/")) {
            interaction = interactionsByToken.get(params.getOrDefault("token", ""));
        } else if (route.startsWith("webhooks/")) {
            interaction = interactionsByToken.get(params.getOrDefault("token", ""));
        }
        if (interaction != null) {
            interaction.recordError(error.status() + " " + error.code() + " " + error.getMessage());
        }
    }

    public InteractionResult clickButton(User user, Message message, String customId) {
        MessageState source = (MessageState) message;
        UserState clicker = user(user);
        synchronized (lock) {
            JsonNode button = source.findComponent(customId);
            if (button == null || button.path("type").asInt() != 2 || button.path("disabled").asBoolean(false)) {
                throw new IllegalArgumentException("no enabled button '" + customId + "' on " + message
                        + "; custom ids: " + source.customIds());
            }
        }
        checkCanUse(clicker, source.channel, null);
        ObjectNode data = mapper.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", 2);
        return startInteraction(InteractionState.MESSAGE_COMPONENT, clicker, source.channel, data, source);
    }

    public InteractionResult selectMenu(User user, Message message, String customId, List<String> values) {
        MessageState source = (MessageState) message;
        UserState chooser = user(user);
        int componentType;
        synchronized (lock) {
            JsonNode menu = source.findComponent(customId);
            if (menu == null || menu.path("type").asInt() != 3 || menu.path("disabled").asBoolean(false)) {
                throw new IllegalArgumentException("no enabled string select '" + customId + "' on " + message);
            }
            componentType = menu.path("type").asInt();
            Set<String> options = new HashSet<>();
            menu.path("options").forEach(option -> options.add(option.path("value").asText()));
            if (!options.containsAll(values)) {
                throw new IllegalArgumentException(values + " are not all options of '" + customId + "': " + options);
            }
            int min = menu.path("min_values").asInt(1);
            int max = menu.path("max_values").asInt(1);
            if (values.size() < min || values.size() > max) {
                throw new IllegalArgumentException("'" + customId + "' takes " + min + " to " + max + " values");
            }
        }
        checkCanUse(chooser, source.channel, null);
        ObjectNode data = mapper.createObjectNode();
        data.put("custom_id", customId);
        data.put("component_type", componentType);
        ArrayNode chosen = data.putArray("values");
        values.forEach(chosen::add);
        return startInteraction(InteractionState.MESSAGE_COMPONENT, chooser, source.channel, data, source);
    }

    public InteractionResult submitModal(User user, InteractionResult opened, String modalId,
            Map<String, String> values) {
        InteractionState previous = (InteractionState) opened;
        UserState submitter = user(user);
        ArrayNode modal = previous.modalComponents(modalId);
        ObjectNode data = mapper.createObjectNode();
        data.put("custom_id", modalId);
        ArrayNode submitted = data.putArray("components");
        Set<String> used = new HashSet<>();
        for (JsonNode top : modal) {
            ObjectNode echoed = submitted.addObject();
            echoed.put("type", top.path("type").asInt());
            echoed.put("id", top.path("id").asInt(0));
            if (top.has("component")) {
                echoed.set("component", submittedInput(top.get("component"), values, used));
            } else if (top.has("components")) {
                ArrayNode inner = echoed.putArray("components");
                top.get("components").forEach(input -> inner.add(submittedInput(input, values, used)));
            }
        }
        if (!used.containsAll(values.keySet())) {
            Set<String> unknown = new HashSet<>(values.keySet());
            unknown.removeAll(used);
            throw new IllegalArgumentException("the modal '" + modalId + "' has no inputs " + unknown);
        }
        return startInteraction(InteractionState.MODAL_SUBMIT, submitter, previous.channel, data, previous.source);
    }

    private ObjectNode submittedInput(JsonNode input, Map<String, String> values, Set<String> used) {
        ObjectNode node = mapper.createObjectNode();
        int type = input.path("type").asInt();
        node.put("type", type);
        node.put("id", input.path("id").asInt(0));
        String customId = input.path("custom_id").asText(null);
        if (customId == null) {
            return node;
        }
        node.put("custom_id", customId);
        String value = values.get(customId);
        used.add(customId);
        if (type == 4) {
            boolean required = input.path("required").asBoolean(true);
            if (value == null || value.isEmpty()) {
                if (required) {
                    throw new IllegalArgumentException("the modal's required input '" + customId + "' is missing");
                }
                value = "";
            }
            int max = input.path("max_length").asInt(4000);
            int min = input.path("min_length").asInt(0);
            if (value.length() > max || (!value.isEmpty() && value.length() < min)) {
                throw new IllegalArgumentException("'" + customId + "' takes " + min + " to " + max + " characters");
            }
            node.put("value", value);
        } else {
            ArrayNode chosen = node.putArray("values");
            if (value != null && !value.isEmpty()) {
                for (String part : value.split(",")) {
                    chosen.add(part);
                }
            }
        }
        return node;
    }

    // ---- commands

    CommandRegistry commandRegistry() {
        return commands;
    }

    public List<ApplicationCommand> commands(long guildId) {
        synchronized (lock) {
            List<ApplicationCommand> result = new ArrayList<>();
            for (ObjectNode command : commands.list(guildId)) {
                JsonNode permissions = command.path("default_member_permissions");
                result.add(new ApplicationCommand(command.path("id").asLong(), guildId, command.path("type").asInt(),
                        command.path("name").asText(), command.path("description").asText(),
                        permissions.isNull() ? null : Long.parseLong(permissions.asText()),
                        command.has("options") ? mapper.convertValue(command.get("options"), LIST_OF_MAPS)
                                : List.of()));
            }
            return result;
        }
    }

    public int commandWrites() {
        synchronized (lock) {
            return commands.writes();
        }
    }

    // ---- helpers

    /** Discord's answer to a guild-only action (moderation, channel management) on a DM channel. */
    static RestException dmChannelAction() {
        return new RestException(403, 50003, "Cannot execute action on a DM channel", null);
    }

    /** Discord's 400 "Invalid Form Body" (50035) with the nested {@code errors} object for one field path. */
    static RestException invalidForm(String path, String code, String message) {
        ObjectNode errors = JsonNodeFactory.instance.objectNode();
        ObjectNode at = errors;
        if (!"_errors".equals(path)) {
            for (String part : path.split("\\.")) {
                at = at.putObject(part);
            }
        }
        at.putArray("_errors").addObject().put("code", code).put("message", message);
        return new RestException(400, 50035, "Invalid Form Body", errors);
    }

    @Override
    public void close() {
        gateway.close();
        rest.close();
    }
}
