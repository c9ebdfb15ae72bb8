package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hotcog.emulator.ApplicationCommand;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temporary ban outlives the process that made it: the jar bans a member for a minute and is
 * stopped; the ban stays while no process runs; the next start of the jar on the same data folder
 * lifts it.
 */
class TemporaryBanRestartTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final long BAN_MEMBERS = 1L << 2;

    @TempDir
    Path dir;

    @Test
    void aTemporaryBanDueWhileTheBotIsDownIsLiftedAfterTheRestart() throws Exception {
        try (LocalDiscord discord = LocalDiscord.start()) {
            Guild guild = discord.createGuild("Restarted guild");
            TextChannel general = guild.createTextChannel("general");
            User moderator = discord.createUser("mod");
            User troll = discord.createUser("troll");
            guild.addMember(moderator);
            guild.addMember(troll);
            guild.addRole(moderator, guild.createRole("Moderators", BAN_MEMBERS));

            long bannedAt;
            try (HotcogProcess hotcog = process(discord).startAndAwaitReady()) {
                awaitCommand(discord, "ban");
                Message answer = discord.command(moderator, general, "ban").option("user", troll)
                        .option("duration", "1m").send().awaitReply(WAIT);
                assertThat(answer.content()).as(hotcog.output()).startsWith("**troll** was banned for 1m (case #1)");
                bannedAt = System.currentTimeMillis();
            }
            // Past the ban's end, with no process running the guild.
            Thread.sleep(Math.max(0, bannedAt + 65_000 - System.currentTimeMillis()));
            assertThat(guild.bans()).anyMatch(ban -> ban.user().equals(troll));

            try (HotcogProcess hotcog = process(discord).startAndAwaitReady()) {
                long deadline = System.currentTimeMillis() + Duration.ofMinutes(2).toMillis();
                while (guild.bans().stream().anyMatch(ban -> ban.user().equals(troll))
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(guild.bans()).as(hotcog.output()).noneMatch(ban -> ban.user().equals(troll));
            }
        }
    }

    private HotcogProcess process(LocalDiscord discord) throws Exception {
        return new HotcogProcess(dir)
                .env("HOTCOG_DISCORD_TOKEN", discord.botToken())
                .env("HOTCOG_DISCORD_API_URL", discord.restUrl())
                .env("HOTCOG_DISCORD_GATEWAY_URL", discord.gatewayUrl());
    }

    private static void awaitCommand(LocalDiscord discord, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        List<String> names = List.of();
        while (!names.contains(name) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            names = discord.registeredCommands().stream().map(ApplicationCommand::name).toList();
        }
        assertThat(names).contains(name);
    }
}
