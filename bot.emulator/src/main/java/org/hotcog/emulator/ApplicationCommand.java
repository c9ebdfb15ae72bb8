package org.hotcog.emulator;

import java.util.List;
import java.util.Map;

/**
 * A command the bot registered, as Discord stores it.
 *
 * @param id the command's snowflake id (kept across overwrites while name and type stay)
 * @param guildId the guild of a guild command, or 0 for a global command
 * @param type 1 chat input (slash), 2 user, 3 message
 * @param name the command's name
 * @param description the description (empty for user and message commands)
 * @param defaultMemberPermissions the permission bits a member needs to see it, or null for everyone
 * @param options the options as Discord JSON
 */
public record ApplicationCommand(long id, long guildId, int type, String name, String description,
        Long defaultMemberPermissions, List<Map<String, Object>> options) {
}
