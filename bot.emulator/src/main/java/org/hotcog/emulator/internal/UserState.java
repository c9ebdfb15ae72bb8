package org.hotcog.emulator.internal;

import org.hotcog.emulator.User;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user; immutable, so it needs no lock. */
record UserState(long id, String name, boolean bot) implements User {

    ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", Long.toString(id));
        node.put("username", name);
        node.put("global_name", name);
        node.put("discriminator", "0");
        node.putNull("avatar");
        node.put("bot", bot);
        node.put("system", false);
        node.put("public_flags", 0);
        node.put("flags", 0);
        return node;
    }

    @Override
    public String toString() {
        return "User[" + name + " " + id + "]";
    }
}
