package org.hotcog.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotcog.emulator.internal.rest.RestException;
import org.hotcog.emulator.internal.rest.RestRequest;
import org.hotcog.emulator.internal.rest.RestServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The REST routes of the local Discord, with Discord's answers and error codes. */
final class RestApi {

    private static final String APP = "applications/{application}";
    private static final String HOOK = "webhooks/{application}/{token}";
    private static final int MIN_BULK_DELETE = 2;
    private static final int MAX_BULK_DELETE = 100;
    /** Discord refuses to bulk delete messages older than two weeks. */
    private static final Duration BULK_DELETE_MAX_AGE = Duration.ofDays(14);

    private final Emulator emulator;
    private final Object lock;

    RestApi(Emulator emulator) {
        this.emulator = emulator;
        this.lock = emulator.lock();
    }

    void register(RestServer rest) {
        rest.route("GET", "users/@me", true, request -> emulator.selfUser());
        rest.route("GET", "users/{user}", true, this::getUser);
        rest.route("POST", "users/@me/channels", true, this::createDm);
        rest.route("GET", "gateway", false, request -> gateway());
        rest.route("GET", "gateway/bot", true, request -> gatewayBot());
        rest.route("GET", "oauth2/applications/@me", true, request -> application());
        rest.route("GET", "applications/@me", true, request -> application());

        rest.route("GET", APP + "/commands", true, request -> listCommands(request, 0));
        rest.route("PUT", APP + "/commands", true, request -> overwriteCommands(request, 0));
        rest.route("POST", APP + "/commands", true, request -> upsertCommand(request, 0));
        rest.route("PATCH", APP + "/commands/{command}", true, request -> editCommand(request, 0));
        rest.route("DELETE", APP + "/commands/{command}", true, request -> deleteCommand(request, 0));
        rest.route("GET", APP + "/guilds/{guild}/commands", true, request -> listCommands(request, guildId(request)));
        rest.route("PUT", APP + "/guilds/{guild}/commands", true,
                request -> overwriteCommands(request, guildId(request)));
        rest.route("POST", APP + "/guilds/{guild}/commands", true,
                request -> upsertCommand(request, guildId(request)));
        rest.route("PATCH", APP + "/guilds/{guild}/commands/{command}", true,
                request -> editCommand(request, guildId(request)));
        rest.route("DELETE", APP + "/guilds/{guild}/commands/{command}", true,
                request -> deleteCommand(request, guildId(request)));

        rest.route("POST", "interactions/{interaction}/{token}/callback", false, this::callback);
        rest.route("GET", HOOK + "/messages/{message}", false, this::getWebhookMessage);
        rest.route("PATCH", HOOK + "/messages/{message}", false, this::editWebhookMessage);
        rest.route("DELETE", HOOK + "/messages/{message}", false, this::deleteWebhookMessage);
        rest.route("POST", HOOK, false, this::followUp);

        rest.route("GET", "channels/{channel}", true, this::getChannel);
        rest.route("GET", "channels/{channel}/messages", true, this::listMessages);
        rest.route("POST", "channels/{channel}/messages", true, this::createMessage);
        rest.route("POST", "channels/{channel}/messages/bulk-delete", true, this::bulkDelete);
        rest.route("GET", "channels/{channel}/messages/{message}", true, this::getMessage);
        rest.route("PATCH", "channels/{channel}/messages/{message}", true, this::editMessage);
        rest.route("DELETE", "channels/{channel}/messages/{message}", true, this::deleteMessage);
        rest.route("POST", "channels/{channel}/typing", true, request -> null);

        rest.route("GET", "guilds/{guild}", true, request -> {
            synchronized (lock) {
                return emulator.guild(guildId(request)).json();
            }
        });
        rest.route("GET", "guilds/{guild}/channels", true, this::guildChannels);
        rest.route("GET", "guilds/{guild}/roles", true, this::guildRoles);
        rest.route("GET", "guilds/{guild}/members", true, this::guildMembers);
        rest.route("GET", "guilds/{guild}/members/{user}", true, this::guildMember);
        rest.route("PUT", "guilds/{guild}/members/{user}/roles/{role}", true, request -> memberRole(request, true));
        rest.route("DELETE", "guilds/{guild}/members/{user}/roles/{role}", true,
                request -> memberRole(request, false));
    }

    private static long guildId(RestRequest request) {
        return request.id("guild", 10004, "Unknown Guild");
    }

    private JsonNode getUser(RestRequest request) {
        synchronized (lock) {
            UserState user = emulator.userOrNull(request.id("user", 10013, "Unknown User"));
            if (user == null) {
                throw new RestException(404, 10013, "Unknown User", null);
            }
            return user.json();
        }
    }

    /** Create DM: the existing DM channel with the user, or a new one (user.mdx, "Create DM"). */
    private JsonNode createDm(RestRequest request) {
        JsonNode recipientId = request.body().path("recipient_id");
        if (recipientId.isMissingNode() || recipientId.isNull()) {
            throw Emulator.invalidForm("recipient_id", "BASE_TYPE_REQUIRED", "This field is required");
        }
        synchronized (lock) {
            UserState recipient = emulator.userOrNull(recipientId.asLong(0));
            if (recipient == null || recipient == emulator.botUserState()) {
                throw new RestException(404, 10013, "Unknown User", null);
            }
            return emulator.openDm(recipient).json();
        }
    }

    private JsonNode gateway() {
        return JsonNodeFactory.instance.objectNode().put("url", emulator.gatewayUrl());
    }

    private JsonNode gatewayBot() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("url", emulator.gatewayUrl());
        node.put("shards", emulator.recommendedShards());
        node.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
                .put("max_concurrency", 1);
        return node;
    }

    private JsonNode application() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Long.toString(emulator.applicationId()));
        node.put("name", emulator.botUser().name());
        node.putNull("icon");
        node.put("description", "");
        node.put("bot_public", true);
        node.put("bot_require_code_grant", false);
        node.put("flags", 0);
        node.put("verify_key", "0000");
        node.set("bot", emulator.selfUser());
        synchronized (lock) {
            node.set("owner", ((UserState) emulator.guilds().stream().findFirst().map(g -> g.owner())
                    .orElse(emulator.botUser())).json());
        }
        node.putNull("team");
        return node;
    }

    // ---- commands

    private void checkApplication(RestRequest request) {
        if (!request.params().get("application").equals(Long.toString(emulator.applicationId()))) {
            throw new RestException(403, 50001, "Missing Access", null);
        }
    }

    private JsonNode listCommands(RestRequest request, long guildId) {
        checkApplication(request);
        synchronized (lock) {
            if (guildId != 0) {
                emulator.guild(guildId);
            }
            ArrayNode answer = JsonNodeFactory.instance.arrayNode();
            emulator.commandRegistry().list(guildId).forEach(answer::add);
            return answer;
        }
    }

    private JsonNode overwriteCommands(RestRequest request, long guildId) {
        checkApplication(request);
        synchronized (lock) {
            if (guildId != 0) {
                emulator.guild(guildId);
            }
            return emulator.commandRegistry().overwrite(guildId, request.body());
        }
    }

    private JsonNode upsertCommand(RestRequest request, long guildId) {
        checkApplication(request);
        synchronized (lock) {
            if (guildId != 0) {
                emulator.guild(guildId);
            }
            return emulator.commandRegistry().upsert(guildId, request.body());
        }
    }

    private JsonNode editCommand(RestRequest request, long guildId) {
        checkApplication(request);
        synchronized (lock) {
            return emulator.commandRegistry().edit(guildId,
                    request.id("command", 10063, "Unknown application command"), request.body());
        }
    }

    private JsonNode deleteCommand(RestRequest request, long guildId) {
        checkApplication(request);
        synchronized (lock) {
            emulator.commandRegistry().delete(guildId, request.id("command", 10063, "Unknown application command"));
            return null;
        }
    }

    // ---- interactions

    private JsonNode callback(RestRequest request) {
        InteractionState interaction = emulator.interaction(
                request.id("interaction", 10062, "Unknown interaction"), request.params().get("token"));
        return interaction.callback(request);
    }

    private InteractionState hook(RestRequest request) {
        return emulator.interactionByToken(request.params().get("application"), request.params().get("token"));
    }

    private MessageState webhookMessage(InteractionState interaction, RestRequest request) {
        String id = request.params().get("message");
        if ("@original".equals(id)) {
            return interaction.originalOrThrow();
        }
        return interaction.followUp(request.id("message", 10008, "Unknown Message"));
    }

    private JsonNode getWebhookMessage(RestRequest request) {
        InteractionState interaction = hook(request);
        MessageState message = webhookMessage(interaction, request);
        synchronized (lock) {
            if (message.deleted) {
                throw new RestException(404, 10008, "Unknown Message", null);
            }
            return message.json();
        }
    }

    private JsonNode editWebhookMessage(RestRequest request) {
        InteractionState interaction = hook(request);
        MessageState message = webhookMessage(interaction, request);
        emulator.editMessage(message, request.body(), request.files());
        synchronized (lock) {
            return message.json();
        }
    }

    private JsonNode deleteWebhookMessage(RestRequest request) {
        InteractionState interaction = hook(request);
        // a deferred "thinking…" response can be deleted too; a follow-up after that is a message of its own
        emulator.deleteMessage(webhookMessage(interaction, request));
        return null;
    }

    private JsonNode followUp(RestRequest request) {
        InteractionState interaction = hook(request);
        if (!interaction.acknowledged()) {
            throw new RestException(404, 10015, "Unknown Webhook", null);
        }
        MessageState original = interaction.original().map(MessageState.class::cast).orElse(null);
        if (original != null && original.loading() && !original.deleted && original != interaction.source) {
            // Discord: a follow-up right after a deferred reply edits the deferred "thinking" message
            emulator.editMessage(original, request.body(), request.files());
            synchronized (lock) {
                return original.json();
            }
        }
        MessageState message = emulator.createInteractionMessage(interaction, request.body(), request.files(),
                false);
        interaction.addFollowUp(message);
        synchronized (lock) {
            return message.json();
        }
    }

    // ---- channels and messages

    private ChannelState channel(RestRequest request) {
        ChannelState channel = emulator.channel(request.id("channel", 10003, "Unknown Channel"));
        if ((channel.permissionsOf(emulator.botUserState()) & Permissions.VIEW_CHANNEL) == 0) {
            throw new RestException(403, 50001, "Missing Access", null);
        }
        return channel;
    }

    private JsonNode getChannel(RestRequest request) {
        synchronized (lock) {
            return channel(request).json();
        }
    }

    private JsonNode listMessages(RestRequest request) {
        synchronized (lock) {
            ChannelState channel = channel(request);
            if ((channel.permissionsOf(emulator.botUserState()) & Permissions.READ_MESSAGE_HISTORY) == 0) {
                return JsonNodeFactory.instance.arrayNode();
            }
            int limit = Math.max(1, Math.min(100, parseInt(request.query().get("limit"), 50)));
            Map<String, String> query = request.query();
            // oldest first by id: a message posted back-dated sorts where its time puts it
            List<MessageState> messages = channel.messages.stream().sorted(Comparator.comparingLong(m -> m.id))
                    .toList();
            int from;
            int to;
            if (query.containsKey("around")) {
                // Discord centres the page on the id: half of it newer, the rest older, the message itself included
                long around = parseLong(query.get("around"), 0);
                int pivot = firstAtOrAfter(messages, around);
                to = Math.min(messages.size(), pivot + limit / 2 + (pivot < messages.size()
                        && messages.get(pivot).id == around ? 1 : 0));
                from = Math.max(0, to - limit);
                to = Math.min(messages.size(), from + limit);
            } else if (query.containsKey("after")) {
                // the messages right after the id, not the newest ones
                from = firstAtOrAfter(messages, parseLong(query.get("after"), 0) + 1);
                to = Math.min(messages.size(), from + limit);
            } else {
                to = firstAtOrAfter(messages, parseLong(query.get("before"), Long.MAX_VALUE));
                from = Math.max(0, to - limit);
            }
            ArrayNode answer = JsonNodeFactory.instance.arrayNode();
            // newest first, as Discord answers
            for (int i = to - 1; i >= from; i--) {
                answer.add(messages.get(i).json());
            }
            return answer;
        }
    }

    /** The index of the first message whose id is at least {@code id} (the size if there is none). */
    private static int firstAtOrAfter(List<MessageState> messages, long id) {
        int index = 0;
        while (index < messages.size() && messages.get(index).id < id) {
            index++;
        }
        return index;
    }

    private JsonNode bulkDelete(RestRequest request) {
        synchronized (lock) {
            ChannelState channel = channel(request);
            if (channel.isDm()) {
                throw Emulator.dmChannelAction();
            }
            if ((channel.guild.permissionsIn(channel, emulator.botUserState()) & Permissions.MANAGE_MESSAGES) == 0) {
                throw new RestException(403, 50013, "Missing Permissions", null);
            }
            JsonNode ids = request.body().path("messages");
            // unknown ids count towards the limits but are otherwise ignored (message.mdx, Bulk Delete Messages)
            if (!ids.isArray() || ids.size() < MIN_BULK_DELETE || ids.size() > MAX_BULK_DELETE) {
                throw new RestException(400, 50016, "Provided too few or too many messages to delete. Must provide "
                        + "at least 2 and fewer than 100 messages to delete.", null);
            }
            Instant oldest = Instant.now().minus(BULK_DELETE_MAX_AGE);
            Set<Long> unique = new LinkedHashSet<>();
            for (JsonNode id : ids) {
                long messageId = parseLong(id.asText(), 0);
                if (!unique.add(messageId)) {
                    throw Emulator.invalidForm("messages", "BASE_TYPE_DUPLICATE", "Duplicate message ids.");
                }
                if (Emulator.timeOf(messageId).isBefore(oldest)) {
                    throw new RestException(400, 50034, "A message provided was too old to bulk delete", null);
                }
            }
            emulator.deleteInBulk(channel, channel.messages.stream().filter(m -> unique.contains(m.id)).toList());
            return null;
        }
    }

    static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw Emulator.invalidForm("limit", "NUMBER_TYPE_COERCE", "Value \"" + value + "\" is not int.");
        }
    }

    static long parseLong(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Emulator.invalidForm("before", "NUMBER_TYPE_COERCE", "Value \"" + value + "\" is not snowflake.");
        }
    }

    private JsonNode createMessage(RestRequest request) {
        synchronized (lock) {
            MessageState message = emulator.createBotMessage(channel(request), request.body(), request.files());
            return message.json();
        }
    }

    private JsonNode getMessage(RestRequest request) {
        synchronized (lock) {
            return emulator.message(channel(request), request.id("message", 10008, "Unknown Message")).json();
        }
    }

    private JsonNode editMessage(RestRequest request) {
        MessageState message;
        synchronized (lock) {
            message = emulator.message(channel(request), request.id("message", 10008, "Unknown Message"));
            if (message.author != emulator.botUserState()) {
                throw new RestException(403, 50005, "Cannot edit a message authored by another user", null);
            }
        }
        emulator.editMessage(message, request.body(), request.files());
        synchronized (lock) {
            return message.json();
        }
    }

    private JsonNode deleteMessage(RestRequest request) {
        MessageState message;
        synchronized (lock) {
            ChannelState channel = channel(request);
            message = emulator.message(channel, request.id("message", 10008, "Unknown Message"));
            if (message.author != emulator.botUserState() && channel.isDm()) {
                // no one moderates a DM: the bot deletes only its own messages there
                throw Emulator.dmChannelAction();
            }
            if (message.author != emulator.botUserState() && (channel.guild.permissionsIn(channel,
                    emulator.botUserState()) & Permissions.MANAGE_MESSAGES) == 0) {
                throw new RestException(403, 50013, "Missing Permissions", null);
            }
        }
        emulator.deleteMessage(message);
        return null;
    }

    // ---- guilds

    private JsonNode guildChannels(RestRequest request) {
        synchronized (lock) {
            ArrayNode answer = JsonNodeFactory.instance.arrayNode();
            emulator.guild(guildId(request)).channels.values().stream()
                    .filter(c -> !c.isThread()).forEach(c -> answer.add(c.json()));
            return answer;
        }
    }

    private JsonNode guildRoles(RestRequest request) {
        synchronized (lock) {
            ArrayNode answer = JsonNodeFactory.instance.arrayNode();
            emulator.guild(guildId(request)).roles.values().forEach(r -> answer.add(r.json()));
            return answer;
        }
    }

    private JsonNode guildMembers(RestRequest request) {
        synchronized (lock) {
            int limit = Math.max(1, Math.min(1000, parseInt(request.query().get("limit"), 1)));
            long after = parseLong(request.query().get("after"), 0);
            ArrayNode answer = JsonNodeFactory.instance.arrayNode();
            emulator.guild(guildId(request)).members.values().stream().filter(m -> m.user.id() > after)
                    .sorted((a, b) -> Long.compare(a.user.id(), b.user.id())).limit(limit)
                    .forEach(m -> answer.add(m.json()));
            return answer;
        }
    }

    private JsonNode guildMember(RestRequest request) {
        synchronized (lock) {
            GuildState guild = emulator.guild(guildId(request));
            MemberState member = guild.members.get(request.id("user", 10007, "Unknown Member"));
            if (member == null) {
                throw new RestException(404, 10007, "Unknown Member", null);
            }
            return member.json();
        }
    }

    private JsonNode memberRole(RestRequest request, boolean add) {
        synchronized (lock) {
            GuildState guild = emulator.guild(guildId(request));
            MemberState member = guild.members.get(request.id("user", 10007, "Unknown Member"));
            if (member == null) {
                throw new RestException(404, 10007, "Unknown Member", null);
            }
            RoleState role = guild.roles.get(request.id("role", 10011, "Unknown Role"));
            if (role == null || role.id == guild.id) {
                throw new RestException(404, 10011, "Unknown Role", null);
            }
            UserState bot = emulator.botUserState();
            if ((guild.basePermissions(bot) & Permissions.MANAGE_ROLES) == 0
                    || (bot.id() != guild.owner.id() && role.position >= guild.botRole.position)) {
                throw new RestException(403, 50013, "Missing Permissions", null);
            }
            guild.changeRole(member.user, role, add);
            return null;
        }
    }
}
