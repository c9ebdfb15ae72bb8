package org.hotcog.emulator.internal;

import org.hotcog.emulator.User;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A user; the DM setting is guarded by the emulator's state lock, the rest is immutable. */
final class UserState implements User {

    private final Emulator emulator;
    private final long id;
    private final String name;
    private final boolean bot;
    /** Whether the user accepts DMs from the bot (Discord's privacy setting; 50007 when not). */
    boolean acceptsDms = true;

    UserState(Emulator emulator, long id, String name, boolean bot) {
        this.emulator = emulator;
        this.id = id;
        this.name = name;
        this.bot = bot;
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
    public boolean bot() {
        return bot;
    }

    @Override
    public void closeDms() {
        setAcceptsDms(false);
    }

    @Override
    public void openDms() {
        setAcceptsDms(true);
    }

    private void setAcceptsDms(boolean accepts) {
        if (bot) {
            throw new IllegalStateException("the bot does not DM itself");
        }
        synchronized (emulator.lock()) {
            acceptsDms = accepts;
        }
    }

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
