package org.hotcog.emulator.internal;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.Role;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A role; mutable fields are guarded by the emulator's state lock. */
final class RoleState implements Role {

    private final Emulator emulator;
    final GuildState guild;
    final long id;
    String name;
    final long managedBotId;
    long permissions;
    int position;

    RoleState(Emulator emulator, GuildState guild, long id, String name, long permissions, int position,
            long managedBotId) {
        this.emulator = emulator;
        this.guild = guild;
        this.id = id;
        this.name = name;
        this.permissions = permissions;
        this.position = position;
        this.managedBotId = managedBotId;
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
    public long permissions() {
        synchronized (emulator.lock()) {
            return permissions;
        }
    }

    @Override
    public int position() {
        synchronized (emulator.lock()) {
            return position;
        }
    }

    @Override
    public void setPermissions(long permissions) {
        synchronized (emulator.lock()) {
            this.permissions = permissions;
            updated();
        }
    }

    /** Tells the bot with GUILD_ROLE_UPDATE; the caller holds the lock. */
    void updated() {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("guild_id", Long.toString(guild.id));
        event.set("role", json());
        emulator.dispatch("GUILD_ROLE_UPDATE", event, null, guild.id, Intents.GUILDS);
    }

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Long.toString(id));
        node.put("name", name);
        node.put("color", 0);
        node.putObject("colors").put("primary_color", 0).putNull("secondary_color").putNull("tertiary_color");
        node.put("hoist", false);
        node.putNull("icon");
        node.putNull("unicode_emoji");
        node.put("position", position);
        node.put("permissions", Long.toString(permissions));
        node.put("managed", managedBotId != 0);
        node.put("mentionable", false);
        node.put("flags", 0);
        if (managedBotId != 0) {
            node.putObject("tags").put("bot_id", Long.toString(managedBotId));
        }
        return node;
    }

    @Override
    public String toString() {
        return "Role[" + name + " " + id + "]";
    }
}
