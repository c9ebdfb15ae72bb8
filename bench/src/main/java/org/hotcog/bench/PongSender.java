package org.hotcog.bench;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;

/** Where the benchmarks' {@code /pong} interactions come from: one user in one channel of a local Discord guild. */
record PongSender(LocalDiscord discord, Guild guild, User user, TextChannel channel) {
    static final String COMMAND = "pong";

    /** A guild "Benchmark" with the user "load" in its channel "bench". */
    static PongSender create(LocalDiscord discord) {
        Guild guild = discord.createGuild("Benchmark");
        User user = discord.createUser("load");
        guild.addMember(user);
        return new PongSender(discord, guild, user, guild.createTextChannel("bench"));
    }

    /** Whether the bot has registered {@code /pong}, globally or in the guild. */
    boolean registered() {
        return discord.registeredCommands().stream().anyMatch(c -> c.name().equals(COMMAND))
                || discord.registeredCommands(guild).stream().anyMatch(c -> c.name().equals(COMMAND));
    }

    /** Sends one {@code /pong} as the user; the result waits for the bot's answers. */
    InteractionResult send() {
        return discord.slashCommand(user, channel, COMMAND);
    }
}
