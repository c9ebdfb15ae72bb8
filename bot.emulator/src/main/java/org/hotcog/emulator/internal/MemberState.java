package org.hotcog.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.Member;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.User;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A guild membership; mutable fields are guarded by the emulator's state lock. */
final class MemberState implements Member {

    final GuildState guild;
    final UserState user;
    final Instant joinedAt;
    final Set<Long> roles = new LinkedHashSet<>();
    String nick;
    /** The end of the member's timeout, or null; a past instant means the timeout has run out. */
    Instant timeoutUntil;

    MemberState(GuildState guild, UserState user, Instant joinedAt) {
        this.guild = guild;
        this.user = user;
        this.joinedAt = joinedAt;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public Guild guild() {
        return guild;
    }

    @Override
    public Optional<String> nickname() {
        synchronized (guild.lock()) {
            return Optional.ofNullable(nick);
        }
    }

    @Override
    public List<Role> roles() {
        synchronized (guild.lock()) {
            List<Role> result = new ArrayList<>();
            roles.forEach(id -> result.add(guild.roles.get(id)));
            return result;
        }
    }

    @Override
    public Optional<Instant> timeoutUntil() {
        synchronized (guild.lock()) {
            return timedOut() ? Optional.of(timeoutUntil) : Optional.empty();
        }
    }

    boolean timedOut() {
        return timeoutUntil != null && timeoutUntil.isAfter(Instant.now());
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
        if (timedOut()) {
            node.put("communication_disabled_until", timeoutUntil.toString());
        } else {
            node.putNull("communication_disabled_until");
        }
        return node;
    }

    ObjectNode json() {
        ObjectNode node = partialJson();
        node.set("user", user.json());
        return node;
    }

    @Override
    public String toString() {
        return "Member[" + user.name() + " of " + guild.name + "]";
    }
}
