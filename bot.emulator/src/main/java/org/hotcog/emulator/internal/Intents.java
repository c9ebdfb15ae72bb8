package org.hotcog.emulator.internal;

/** The gateway intent bits that gate the events the emulator dispatches (Discord's gateway.mdx, "List of Intents"). */
final class Intents {

    static final long GUILDS = 1L;
    static final long GUILD_MEMBERS = 1L << 1;
    static final long GUILD_MODERATION = 1L << 2;
    static final long GUILD_MESSAGES = 1L << 9;
    static final long DIRECT_MESSAGES = 1L << 12;

    private Intents() {
    }
}
