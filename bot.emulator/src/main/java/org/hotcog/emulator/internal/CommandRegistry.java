package org.hotcog.emulator.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotcog.emulator.internal.rest.RestException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The application commands the bot registered, global (guild id 0) and per guild, validated as Discord validates
 * them (application-commands.mdx). Guarded by the emulator's state lock.
 */
final class CommandRegistry {

    /** Discord's name rule for chat input commands and options (lowercase where the script has case). */
    private static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$");

    private final Emulator emulator;
    private final Map<Long, Map<String, ObjectNode>> commands = new LinkedHashMap<>();
    private int writes;

    CommandRegistry(Emulator emulator) {
        this.emulator = emulator;
    }

    int writes() {
        return writes;
    }

    List<ObjectNode> list(long guildId) {
        return new ArrayList<>(commands.getOrDefault(guildId, Map.of()).values());
    }

    ObjectNode find(long guildId, String name) {
        return find(guildId, 1, name);
    }

    /** A command of a type (1 slash, 2 user menu, 3 message menu): the guild's first, then the global one. */
    ObjectNode find(long guildId, int type, String name) {
        ObjectNode command = commands.getOrDefault(guildId, Map.of()).get(key(type, name));
        return command != null ? command : commands.getOrDefault(0L, Map.of()).get(key(type, name));
    }

    ObjectNode byId(long guildId, long id) {
        for (ObjectNode command : commands.getOrDefault(guildId, Map.of()).values()) {
            if (command.path("id").asLong() == id) {
                return command;
            }
        }
        throw new RestException(404, 10063, "Unknown application command", null);
    }

    /** Bulk overwrite: replaces every command of the scope; ids survive for unchanged name and type. */
    ArrayNode overwrite(long guildId, JsonNode body) {
        if (!body.isArray()) {
            throw Emulator.invalidForm("_errors", "BASE_TYPE_ARRAY", "Must be an array.");
        }
        Map<String, ObjectNode> old = commands.getOrDefault(guildId, Map.of());
        Map<String, ObjectNode> next = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode definition : body) {
            ObjectNode command = validate(guildId, definition, Integer.toString(index++));
            String key = key(command.path("type").asInt(), command.path("name").asText());
            if (next.containsKey(key)) {
                throw Emulator.invalidForm(Integer.toString(index - 1) + ".name",
                        "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
            }
            keepIdentity(old.get(key), command);
            next.put(key, command);
        }
        long chatInput = next.values().stream().filter(c -> c.path("type").asInt() == 1).count();
        if (chatInput > 100 || next.size() - chatInput > 30) {
            throw Emulator.invalidForm("_errors", "APPLICATION_COMMANDS_TOO_MANY",
                    "Maximum number of application commands reached (100 chat input, 15 user, 15 message)");
        }
        commands.put(guildId, next);
        writes++;
        ArrayNode answer = JsonNodeFactory.instance.arrayNode();
        next.values().forEach(answer::add);
        return answer;
    }

    /** Create (or overwrite one by name): {@code POST applications/{app}/commands}. */
    ObjectNode upsert(long guildId, JsonNode definition) {
        ObjectNode command = validate(guildId, definition, "");
        Map<String, ObjectNode> scope = commands.computeIfAbsent(guildId, g -> new LinkedHashMap<>());
        String key = key(command.path("type").asInt(), command.path("name").asText());
        keepIdentity(scope.get(key), command);
        scope.put(key, command);
        writes++;
        return command;
    }

    ObjectNode edit(long guildId, long id, JsonNode changes) {
        ObjectNode existing = byId(guildId, id);
        ObjectNode merged = existing.deepCopy();
        changes.fields().forEachRemaining(field -> merged.set(field.getKey(), field.getValue()));
        delete(guildId, id);
        return upsert(guildId, merged);
    }

    void delete(long guildId, long id) {
        ObjectNode command = byId(guildId, id);
        commands.get(guildId).remove(key(command.path("type").asInt(), command.path("name").asText()));
        writes++;
    }

    private void keepIdentity(ObjectNode previous, ObjectNode command) {
        if (previous != null) {
            command.put("id", previous.path("id").asText());
            ObjectNode withoutVersion = previous.deepCopy();
            withoutVersion.remove("version");
            ObjectNode candidate = command.deepCopy();
            candidate.remove("version");
            if (withoutVersion.equals(candidate)) {
                command.put("version", previous.path("version").asText());
            }
        }
    }

    private static String key(int type, String name) {
        return type + ":" + name;
    }

    private ObjectNode validate(long guildId, JsonNode definition, String path) {
        String prefix = path.isEmpty() ? "" : path + ".";
        int type = definition.path("type").asInt(1);
        String name = definition.path("name").asText("");
        if (type < 1 || type > 4) {
            throw Emulator.invalidForm(prefix + "type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3, 4}.");
        }
        if (type == 1 ? !NAME.matcher(name).matches() || !name.equals(name.toLowerCase(java.util.Locale.ROOT))
                : name.isEmpty() || name.length() > 32) {
            throw Emulator.invalidForm(prefix + "name", "APPLICATION_COMMAND_INVALID_NAME",
                    "Command name is invalid");
        }
        String description = definition.path("description").asText("");
        if (type == 1 && (description.isEmpty() || description.length() > 100)) {
            throw Emulator.invalidForm(prefix + "description", "BASE_TYPE_BAD_LENGTH",
                    "Must be between 1 and 100 in length.");
        }
        if (type != 1 && !description.isEmpty()) {
            throw Emulator.invalidForm(prefix + "description", "APPLICATION_COMMAND_INVALID_DESCRIPTION",
                    "Context menu commands cannot have a description");
        }
        ObjectNode command = JsonNodeFactory.instance.objectNode();
        command.put("id", Long.toString(emulator.nextId()));
        command.put("application_id", Long.toString(emulator.applicationId()));
        command.put("version", Long.toString(emulator.nextId()));
        command.put("type", type);
        command.put("name", name);
        command.set("name_localizations", definition.path("name_localizations").isObject()
                ? definition.get("name_localizations") : JsonNodeFactory.instance.nullNode());
        command.put("description", description);
        command.set("description_localizations", definition.path("description_localizations").isObject()
                ? definition.get("description_localizations") : JsonNodeFactory.instance.nullNode());
        JsonNode permissions = definition.path("default_member_permissions");
        if (permissions.isMissingNode() || permissions.isNull()) {
            command.putNull("default_member_permissions");
        } else {
            command.put("default_member_permissions", permissions.asText());
        }
        command.put("nsfw", definition.path("nsfw").asBoolean(false));
        command.set("contexts", definition.path("contexts").isArray() ? definition.get("contexts")
                : JsonNodeFactory.instance.arrayNode().add(0).add(1).add(2));
        command.set("integration_types", definition.path("integration_types").isArray()
                ? definition.get("integration_types") : JsonNodeFactory.instance.arrayNode().add(0));
        if (guildId != 0) {
            command.put("guild_id", Long.toString(guildId));
        }
        JsonNode options = definition.path("options");
        if (options.isArray() && !options.isEmpty()) {
            validateOptions(options, prefix + "options", 0);
            command.set("options", options.deepCopy());
        }
        return command;
    }

    private static void validateOptions(JsonNode options, String path, int depth) {
        if (options.size() > 25) {
            throw Emulator.invalidForm(path, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        Set<String> names = new HashSet<>();
        boolean optionalSeen = false;
        int index = 0;
        for (JsonNode option : options) {
            String at = path + "." + index++;
            int type = option.path("type").asInt(-1);
            String name = option.path("name").asText("");
            if (type < 1 || type > 11) {
                throw Emulator.invalidForm(at + ".type", "BASE_TYPE_CHOICES", "Value must be one of 1 to 11.");
            }
            if (!NAME.matcher(name).matches() || !names.add(name)) {
                throw Emulator.invalidForm(at + ".name", "APPLICATION_COMMAND_OPTION_NAME_INVALID",
                        "Option name is invalid or duplicated");
            }
            String description = option.path("description").asText("");
            if (description.isEmpty() || description.length() > 100) {
                throw Emulator.invalidForm(at + ".description", "BASE_TYPE_BAD_LENGTH",
                        "Must be between 1 and 100 in length.");
            }
            if (type == 1 || type == 2) {
                if (depth >= (type == 2 ? 1 : 2)) {
                    throw Emulator.invalidForm(at + ".type", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                            "Sub-commands cannot be nested this deep");
                }
                if (option.path("options").isArray()) {
                    validateOptions(option.get("options"), at + ".options", depth + 1);
                }
                continue;
            }
            boolean required = option.path("required").asBoolean(false);
            if (required && optionalSeen) {
                throw Emulator.invalidForm(at + ".required", "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options");
            }
            optionalSeen |= !required;
            if (option.path("autocomplete").asBoolean(false) && option.path("choices").isArray()
                    && !option.path("choices").isEmpty()) {
                throw Emulator.invalidForm(at + ".autocomplete", "APPLICATION_COMMAND_AUTOCOMPLETE_INVALID",
                        "Autocomplete cannot be used with choices");
            }
        }
    }
}
