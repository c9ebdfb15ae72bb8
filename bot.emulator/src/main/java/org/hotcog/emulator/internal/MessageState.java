package org.hotcog.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.emulator.Attachment;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.User;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A message; mutable fields are guarded by the emulator's state lock. */
final class MessageState implements Message {

    static final Pattern USER_MENTION = Pattern.compile("<@!?(\\d+)>");
    static final Pattern ROLE_MENTION = Pattern.compile("<@&(\\d+)>");
    private static final TypeReference<List<Map<String, Object>>> LIST_OF_MAPS = new TypeReference<>() {
    };

    /** Message types: a plain message, and a reply with its {@code message_reference}. */
    static final int DEFAULT = 0;
    static final int REPLY = 19;
    private final Emulator emulator;
    final long id;
    final ChannelState channel;
    final UserState author;
    /** When the message was sent: the time in its snowflake, as Discord dates messages. */
    final Instant createdAt;
    /** Discord's message type: 0 default, 20 chat input command response. */
    final int type;
    /** The application id for messages sent through an interaction webhook, else 0. */
    final long webhookId;
    /** The interaction this message answers (original or follow-up), or null. */
    final InteractionState interaction;
    /** The message this one replies to (type {@link #REPLY}), or null. */
    MessageState repliesTo;
    String content = "";
    ArrayNode embeds = JsonNodeFactory.instance.arrayNode();
    ArrayNode components = JsonNodeFactory.instance.arrayNode();
    List<Attachment> attachments = List.of();
    int flags;
    /** The {@code allowed_mentions} the bot last sent with the message, or null. */
    JsonNode allowedMentions;
    Instant editedAt;
    int editCount;
    boolean pinned;
    boolean deleted;

    MessageState(Emulator emulator, long id, ChannelState channel, UserState author, int type, long webhookId,
            InteractionState interaction) {
        this.emulator = emulator;
        this.id = id;
        this.createdAt = Emulator.timeOf(id);
        this.channel = channel;
        this.author = author;
        this.type = type;
        this.webhookId = webhookId;
        this.interaction = interaction;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public long channelId() {
        return channel.id;
    }

    @Override
    public User author() {
        return author;
    }

    @Override
    public String content() {
        synchronized (emulator.lock()) {
            return content;
        }
    }

    @Override
    public List<Map<String, Object>> embeds() {
        synchronized (emulator.lock()) {
            return emulator.mapper().convertValue(embeds, LIST_OF_MAPS);
        }
    }

    @Override
    public List<Map<String, Object>> components() {
        synchronized (emulator.lock()) {
            return emulator.mapper().convertValue(components, LIST_OF_MAPS);
        }
    }

    @Override
    public List<String> customIds() {
        synchronized (emulator.lock()) {
            List<String> ids = new ArrayList<>();
            collectCustomIds(components, ids);
            return ids;
        }
    }

    private static void collectCustomIds(JsonNode node, List<String> ids) {
        if (node.isObject() && node.hasNonNull("custom_id")) {
            ids.add(node.get("custom_id").asText());
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collectCustomIds(child, ids));
        }
    }

    /** Finds the interactive component with this custom id (anywhere in the tree), or null. */
    JsonNode findComponent(String customId) {
        return find(components, customId);
    }

    private static JsonNode find(JsonNode node, String customId) {
        if (node.isObject() && customId.equals(node.path("custom_id").asText(null))) {
            return node;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                JsonNode found = find(child, customId);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Override
    public List<Attachment> attachments() {
        synchronized (emulator.lock()) {
            return attachments;
        }
    }

    @Override
    public int flags() {
        synchronized (emulator.lock()) {
            return flags;
        }
    }

    @Override
    public boolean pinned() {
        synchronized (emulator.lock()) {
            return pinned;
        }
    }

    @Override
    public void pin() {
        synchronized (emulator.lock()) {
            pinned = true;
        }
    }

    @Override
    public int editCount() {
        synchronized (emulator.lock()) {
            return editCount;
        }
    }

    @Override
    public Optional<Map<String, Object>> allowedMentions() {
        synchronized (emulator.lock()) {
            return allowedMentions == null ? Optional.empty()
                    : Optional.of(emulator.mapper().convertValue(allowedMentions, new TypeReference<>() {
                    }));
        }
    }

    @Override
    public boolean deleted() {
        synchronized (emulator.lock()) {
            return deleted;
        }
    }

    @Override
    public void editByAuthor(String newContent) {
        if (author.bot()) {
            throw new IllegalStateException("a bot's message is edited through the REST API: " + this);
        }
        emulator.editMessage(this, JsonNodeFactory.instance.objectNode().put("content", newContent), List.of());
    }

    @Override
    public void deleteByUser() {
        emulator.deleteMessage(this);
    }

    boolean mentions(long userId) {
        Matcher matcher = USER_MENTION.matcher(content);
        while (matcher.find()) {
            if (Long.toString(userId).equals(matcher.group(1))) {
                return true;
            }
        }
        return false;
    }

    ObjectNode json() {
        return json(true);
    }

    /**
     * The message object; a reply carries its {@code message_reference} and, with {@code withReferenced}, the
     * replied-to message as {@code referenced_message} (one level deep, as Discord sends it).
     */
    private ObjectNode json(boolean withReferenced) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Long.toString(id));
        node.put("channel_id", Long.toString(channel.id));
        node.set("author", author.json());
        if (!channel.isDm()) {
            node.put("guild_id", Long.toString(channel.guild.id));
            MemberState member = channel.guild.members.get(author.id());
            if (member != null && webhookId == 0) {
                node.set("member", member.partialJson());
            }
        }
        node.put("content", content);
        node.put("timestamp", createdAt.toString());
        if (editedAt == null) {
            node.putNull("edited_timestamp");
        } else {
            node.put("edited_timestamp", editedAt.toString());
        }
        node.put("tts", false);
        node.put("mention_everyone", content.contains("@everyone"));
        ArrayNode mentions = node.putArray("mentions");
        Matcher users = USER_MENTION.matcher(content);
        while (users.find()) {
            UserState mentioned = emulator.userOrNull(Long.parseLong(users.group(1)));
            if (mentioned != null) {
                mentions.add(mentioned.json());
            }
        }
        ArrayNode mentionRoles = node.putArray("mention_roles");
        Matcher roles = ROLE_MENTION.matcher(content);
        while (roles.find()) {
            mentionRoles.add(roles.group(1));
        }
        ArrayNode files = node.putArray("attachments");
        for (Attachment attachment : attachments) {
            ObjectNode file = files.addObject();
            file.put("id", Long.toString(attachment.id()));
            file.put("filename", attachment.filename());
            file.put("size", attachment.data().length);
            String url = emulator.attachmentUrl(channel.id, attachment);
            file.put("url", url);
            file.put("proxy_url", url);
            file.put("content_type", attachment.contentType());
        }
        node.set("embeds", embeds);
        node.set("components", components);
        node.put("pinned", pinned);
        node.put("type", type);
        node.put("flags", flags);
        if (webhookId != 0) {
            node.put("webhook_id", Long.toString(webhookId));
            node.put("application_id", Long.toString(webhookId));
        }
        if (interaction != null) {
            node.set("interaction_metadata", interaction.metadataFor(this));
        }
        if (repliesTo != null) {
            ObjectNode reference = node.putObject("message_reference");
            reference.put("type", 0);
            reference.put("message_id", Long.toString(repliesTo.id));
            reference.put("channel_id", Long.toString(channel.id));
            if (!channel.isDm()) {
                reference.put("guild_id", Long.toString(channel.guild.id));
            }
            if (withReferenced) {
                node.set("referenced_message", repliesTo.deleted ? JsonNodeFactory.instance.nullNode()
                        : repliesTo.json(false));
            }
        }
        return node;
    }

    @Override
    public String toString() {
        return "Message[" + id + " by " + author.name() + ": " + content + "]";
    }
}
