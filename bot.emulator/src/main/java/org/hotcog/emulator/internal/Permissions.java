package org.hotcog.emulator.internal;

/** The permission bits the emulator checks (Discord's permissions.mdx). */
final class Permissions {

    static final long KICK_MEMBERS = 1L << 1;
    static final long BAN_MEMBERS = 1L << 2;
    static final long ADMINISTRATOR = 1L << 3;
    static final long MANAGE_CHANNELS = 1L << 4;
    static final long VIEW_CHANNEL = 1L << 10;
    static final long SEND_MESSAGES = 1L << 11;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long EMBED_LINKS = 1L << 14;
    static final long ATTACH_FILES = 1L << 15;
    static final long READ_MESSAGE_HISTORY = 1L << 16;
    static final long MANAGE_GUILD = 1L << 5;
    static final long MANAGE_NICKNAMES = 1L << 27;
    static final long MANAGE_ROLES = 1L << 28;
    static final long MANAGE_THREADS = 1L << 34;
    static final long CREATE_PRIVATE_THREADS = 1L << 36;
    static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
    static final long MODERATE_MEMBERS = 1L << 40;
    /** Every permission Discord currently defines (bits 0 to 51). */
    static final long ALL = (1L << 52) - 1;
    /** What an app may do in a direct message: read, write, embed and attach. */
    static final long DM = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | EMBED_LINKS | ATTACH_FILES;
    /** All a timed-out member keeps (permissions.mdx, "Permissions for Timed Out Members"). */
    static final long TIMED_OUT = VIEW_CHANNEL | READ_MESSAGE_HISTORY;
    /** What {@code @everyone} gets in a new guild: see, talk, read history, use commands and threads. */
    static final long EVERYONE_DEFAULT = VIEW_CHANNEL | SEND_MESSAGES | READ_MESSAGE_HISTORY | EMBED_LINKS
            | ATTACH_FILES | (1L << 6) | (1L << 20) | (1L << 21) | (1L << 26) | (1L << 31) | (1L << 35)
            | SEND_MESSAGES_IN_THREADS;

    private Permissions() {
    }
}
