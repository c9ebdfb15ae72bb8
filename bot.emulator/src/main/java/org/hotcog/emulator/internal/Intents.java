package org.hotcog.emulator.internal;

/** The gateway intent bits that gate the events the emulator dispatches (Discord's gateway.mdx, "List of Intents"). */
final class Intents {

    static final long GUILDS = 1L;
    static final long GUILD_MEMBERS = 1L << 1;
    static final long GUILD_MESSAGES = 1L << 9;

    private Intents() {
    }
}
