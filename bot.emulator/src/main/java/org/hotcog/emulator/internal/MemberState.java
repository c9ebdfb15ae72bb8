package org.hotcog.emulator.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A guild membership; guarded by the emulator's state lock. */
final class MemberState {

    final UserState user;
    final Instant joinedAt;
    final Set<Long> roles = new LinkedHashSet<>();
    String nick;
    String communicationDisabledUntil;

    MemberState(UserState user, Instant joinedAt) {
        this.user = user;
        this.joinedAt = joinedAt;
    }

    /** The member object without {@code user}, as message and interaction payloads nest it. */
    ObjectNode partialJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (nick == null) {
            node.putNull("nick");
        } else {
            node.put("nick", nick);
        }
        node.putNull("avatar");
        node.putNull("banner");
        ArrayNode roleIds = node.putArray("roles");
        roles.forEach(id -> roleIds.add(Long.toString(id)));
        node.put("joined_at", joinedAt.toString());
        node.putNull("premium_since");
        node.put("deaf", false);
        node.put("mute", false);
        node.put("flags", 0);
        node.put("pending", false);
        if (communicationDisabledUntil == null) {
            node.putNull("communication_disabled_until");
        } else {
            node.put("communication_disabled_until", communicationDisabledUntil);
        }
        return node;
    }

    ObjectNode json() {
        ObjectNode node = partialJson();
        node.set("user", user.json());
        return node;
    }
}
