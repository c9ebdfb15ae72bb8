package org.hotcog.emulator.internal.gateway;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the gateway needs from the Discord state. Every method except {@link #acceptsToken} runs under {@link #lock()}. */
public interface GatewayBackend {

    /** The state lock: held while a session is created so that no dispatch falls between snapshot and session. */
    Object lock();

    /** Whether the token (as sent in IDENTIFY or RESUME, with or without the {@code Bot } prefix) is the bot's. */
    boolean acceptsToken(String token);

    /** The bot user as READY carries it. */
    ObjectNode selfUser();

    /** The application's id. */
    long applicationId();

    /** The ids of all guilds, in creation order. */
    List<Long> guildIds();

    /** The full GUILD_CREATE payload of a guild. */
    ObjectNode guildCreate(long guildId);

    /** The GUILD_MEMBERS_CHUNK payload answering a request guild members (op 8) for a guild, or null if unknown. */
    ObjectNode membersChunk(long guildId, JsonNode request);
}
