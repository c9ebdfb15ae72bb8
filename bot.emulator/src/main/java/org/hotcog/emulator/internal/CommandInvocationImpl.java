package org.hotcog.emulator.internal;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotcog.emulator.Category;
import org.hotcog.emulator.Choice;
import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds a chat input interaction as the Discord client does, checked against the registered command. */
final class CommandInvocationImpl implements CommandInvocation {

    private static final Duration AUTOCOMPLETE_WAIT = Duration.ofSeconds(5);

    private final Emulator emulator;
    private final UserState user;
    private final ChannelState channel;
    private final ObjectNode command;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String group;
    private String subcommand;

    CommandInvocationImpl(Emulator emulator, UserState user, ChannelState channel, String name) {
        this.emulator = emulator;
        this.user = user;
        this.channel = channel;
        this.command = emulator.findCommand(channel.guild.id, name);
        if (command == null) {
            throw new IllegalArgumentException("the bot registered no slash command /" + name + " for "
                    + channel.guild + " (nor globally)");
        }
    }

    @Override
    public CommandInvocation subcommand(String name) {
        this.group = null;
        this.subcommand = name;
        optionList();
        return this;
    }

    @Override
    public CommandInvocation subcommand(String groupName, String name) {
        this.group = groupName;
        this.subcommand = name;
        optionList();
        return this;
    }

    @Override
    public CommandInvocation option(String name, Object value) {
        definition(name);
        values.put(name, value);
        return this;
    }

    /** The option definitions that apply: the command's, or the chosen sub-command's. */
    private JsonNode optionList() {
        JsonNode options = command.path("options");
        if (group != null) {
            options = child(options, group, 2).path("options");
        }
        if (subcommand != null) {
            options = child(options, subcommand, 1).path("options");
        }
        return options;
    }

    private JsonNode child(JsonNode options, String name, int type) {
        for (JsonNode option : options) {
            if (option.path("type").asInt() == type && name.equals(option.path("name").asText())) {
                return option;
            }
        }
        throw new IllegalArgumentException("/" + command.path("name").asText() + " has no "
                + (type == 2 ? "sub-command group " : "sub-command ") + name);
    }

    private JsonNode definition(String name) {
        for (JsonNode option : optionList()) {
            if (name.equals(option.path("name").asText()) && option.path("type").asInt() > 2) {
                return option;
            }
        }
        throw new IllegalArgumentException("/" + command.path("name").asText()
                + (subcommand == null ? "" : " " + subcommand) + " has no option '" + name + "'");
    }

    @Override
    public InteractionResult send() {
        return emulator.startInteraction(InteractionState.APPLICATION_COMMAND, user, channel, data(null, null),
                null);
    }

    @Override
    public List<Choice> autocomplete(String focused, String partial) {
        JsonNode definition = definition(focused);
        if (!definition.path("autocomplete").asBoolean(false)) {
            throw new IllegalArgumentException("option '" + focused + "' does not have autocomplete enabled");
        }
        InteractionResult result = emulator.startInteraction(InteractionState.AUTOCOMPLETE, user, channel,
                data(focused, partial), null);
        InteractionResponse response = result.awaitResponse(AUTOCOMPLETE_WAIT);
        return response.choices();
    }

    private ObjectNode data(String focused, String partial) {
        emulator.checkCanUse(user, channel, command);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("id", command.path("id").asText());
        data.put("name", command.path("name").asText());
        data.put("type", 1);
        if (command.has("guild_id")) {
            data.put("guild_id", command.path("guild_id").asText());
        }
        ObjectNode resolved = JsonNodeFactory.instance.objectNode();
        ArrayNode options = JsonNodeFactory.instance.arrayNode();
        for (JsonNode definition : optionList()) {
            String name = definition.path("name").asText();
            int type = definition.path("type").asInt();
            if (type <= 2) {
                continue;
            }
            if (name.equals(focused)) {
                options.addObject().put("name", name).put("type", type).put("value", partial).put("focused", true);
                continue;
            }
            Object value = values.get(name);
            if (value == null) {
                if (definition.path("required").asBoolean(false) && focused == null) {
                    throw new IllegalArgumentException("required option '" + name + "' is missing");
                }
                continue;
            }
            ObjectNode option = options.addObject().put("name", name).put("type", type);
            option.set("value", convert(definition, value, resolved));
        }
        ArrayNode top = options;
        if (subcommand != null) {
            ObjectNode sub = JsonNodeFactory.instance.objectNode().put("name", subcommand).put("type", 1);
            sub.set("options", options);
            top = JsonNodeFactory.instance.arrayNode().add(sub);
            if (group != null) {
                ObjectNode groupNode = JsonNodeFactory.instance.objectNode().put("name", group).put("type", 2);
                groupNode.set("options", top);
                top = JsonNodeFactory.instance.arrayNode().add(groupNode);
            }
        }
        if (!top.isEmpty()) {
            data.set("options", top);
        }
        if (!resolved.isEmpty()) {
            data.set("resolved", resolved);
        }
        return data;
    }

    /** Converts a test's value to the option's JSON, checking type and choices; mentionables go to resolved. */
    private JsonNode convert(JsonNode definition, Object value, ObjectNode resolved) {
        String name = definition.path("name").asText();
        int type = definition.path("type").asInt();
        JsonNode json = switch (type) {
            case 3 -> JsonNodeFactory.instance.textNode(require(name, value, String.class));
            case 4 -> JsonNodeFactory.instance.numberNode(require(name, value, Number.class).longValue());
            case 5 -> JsonNodeFactory.instance.booleanNode(require(name, value, Boolean.class));
            case 10 -> JsonNodeFactory.instance.numberNode(require(name, value, Number.class).doubleValue());
            case 6, 7, 8, 9 -> resolve(name, type, value, resolved);
            default -> throw new IllegalArgumentException("option type " + type + " of '" + name
                    + "' is not supported by the local Discord");
        };
        JsonNode choices = definition.path("choices");
        if (choices.isArray() && !choices.isEmpty()) {
            boolean listed = false;
            for (JsonNode choice : choices) {
                listed |= choice.path("value").asText().equals(json.asText());
            }
            if (!listed) {
                throw new IllegalArgumentException("'" + value + "' is not a choice of option '" + name + "'");
            }
        }
        if ((type == 4 || type == 10) && (definition.has("min_value") && json.asDouble() < definition
                .path("min_value").asDouble() || definition.has("max_value") && json.asDouble() > definition
                        .path("max_value").asDouble())) {
            throw new IllegalArgumentException("'" + value + "' is out of range for option '" + name + "'");
        }
        return json;
    }

    private JsonNode resolve(String name, int type, Object value, ObjectNode resolved) {
        synchronized (emulator.lock()) {
            if (value instanceof User target && (type == 6 || type == 9)) {
                UserState state = emulator.user(target);
                resolved.withObjectProperty("users").set(Long.toString(state.id()), state.json());
                MemberState member = channel.guild.members.get(state.id());
                if (member != null) {
                    ObjectNode partial = member.partialJson();
                    partial.put("permissions", Long.toString(channel.guild.permissionsIn(channel, state)));
                    resolved.withObjectProperty("members").set(Long.toString(state.id()), partial);
                }
                return JsonNodeFactory.instance.textNode(Long.toString(state.id()));
            }
            if (value instanceof Role role && (type == 8 || type == 9)) {
                RoleState state = channel.guild.roles.get(role.id());
                if (state == null) {
                    throw new IllegalArgumentException(role + " is not a role of " + channel.guild);
                }
                resolved.withObjectProperty("roles").set(Long.toString(state.id), state.json());
                return JsonNodeFactory.instance.textNode(Long.toString(state.id));
            }
            if ((value instanceof TextChannel || value instanceof Category) && type == 7) {
                long targetId = value instanceof TextChannel text ? text.id() : ((Category) value).id();
                ChannelState state = emulator.channel(targetId);
                ObjectNode json = state.json();
                json.put("permissions", Long.toString(channel.guild.permissionsIn(state, user)));
                resolved.withObjectProperty("channels").set(Long.toString(state.id), json);
                return JsonNodeFactory.instance.textNode(Long.toString(state.id));
            }
        }
        throw new IllegalArgumentException("option '" + name + "' (type " + type + ") cannot take " + value);
    }

    private static <T> T require(String name, Object value, Class<T> type) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("option '" + name + "' needs a " + type.getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
        }
        return type.cast(value);
    }
}
