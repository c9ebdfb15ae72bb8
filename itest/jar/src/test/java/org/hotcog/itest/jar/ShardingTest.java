package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.emulator.ApplicationCommand;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One bot split over two processes of the jar, shard 0 of 2 and shard 1 of 2, against one local
 * Discord: each process gets only its shard's guild and that guild's interactions, its health
 * names its shard, only the process running shard 0 writes the global commands, and each
 * process writes the development guilds of its own shard.
 */
class ShardingTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    /** Past command sync's debounce (1.5 s), so that a write it would make has been made. */
    static final long SETTLE_MILLIS = 4_000;
    /** The counter of /ping interactions answered, in /api/metrics. */
    static final Pattern PINGS = Pattern.compile(
            "hotcog_interactions_total\\{module=\"core\",command=\"/ping\",outcome=\"OK\"\\} (\\d+)");

    private LocalDiscord discord;
    private User alice;
    private Guild zero;
    private Guild one;
    private TextChannel zeroChannel;
    private TextChannel oneChannel;

    @BeforeEach
    void guildOnEachShard() {
        discord = LocalDiscord.start();
        alice = discord.createUser("alice");
        zero = discord.createGuildOnShard("Guild on shard zero", 0, 2);
        one = discord.createGuildOnShard("Guild on shard one", 1, 2);
        zero.addMember(alice);
        one.addMember(alice);
        zeroChannel = zero.createTextChannel("general");
        oneChannel = one.createTextChannel("general");
    }

    @AfterEach
    void close() {
        discord.close();
    }

    @Test
    void twoProcessesSplitOneBotsShards(@TempDir Path zeroDir, @TempDir Path oneDir) throws Exception {
        try (HotcogProcess second = process(oneDir, "1 of 2").startAndAwaitReady()) {
            assertRunsOnly(second, 1, one);
            Thread.sleep(SETTLE_MILLIS);
            assertThat(discord.registeredCommands()).as("global commands written by shard 1's process").isEmpty();
            assertThat(discord.commandWrites()).isZero();
            assertThat(discord.identifies()).as("one IDENTIFY: the first connection had the intents of every module")
                    .isEqualTo(1);

            try (HotcogProcess first = process(zeroDir, "0 of 2").startAndAwaitReady()) {
                assertRunsOnly(first, 0, zero);
                assertThat(awaitCommand(null, "ping")).contains("ping", "help", "about");
                Thread.sleep(SETTLE_MILLIS);
                assertThat(discord.commandWrites()).isEqualTo(1);
                assertThat(discord.identifies()).isEqualTo(2);

                assertThat(discord.slashCommand(alice, zeroChannel, "ping").awaitReply(WAIT).content())
                        .startsWith("Pong!");
                assertThat(awaitPings(first, 1)).isEqualTo(1);
                assertThat(pings(second)).isZero();

                assertThat(discord.slashCommand(alice, oneChannel, "ping").awaitReply(WAIT).content())
                        .startsWith("Pong!");
                assertThat(awaitPings(second, 1)).isEqualTo(1);
                assertThat(pings(first)).isEqualTo(1);
            }
        }
    }

    @Test
    void eachProcessSyncsTheDevGuildsOfItsShards(@TempDir Path zeroDir, @TempDir Path oneDir) throws Exception {
        String devGuilds = zero.id() + "," + one.id();
        try (HotcogProcess second = process(oneDir, "1 of 2").env("HOTCOG_DISCORD_DEV_GUILDS", devGuilds)
                .startAndAwaitReady()) {
            assertThat(awaitCommand(one, "ping")).contains("ping", "help", "about");
            Thread.sleep(SETTLE_MILLIS);
            assertThat(discord.registeredCommands(zero)).as("commands written to shard 0's guild").isEmpty();
            assertThat(discord.commandWrites()).isEqualTo(1);

            try (HotcogProcess first = process(zeroDir, "0 of 2").env("HOTCOG_DISCORD_DEV_GUILDS", devGuilds)
                    .startAndAwaitReady()) {
                assertThat(awaitCommand(zero, "ping")).contains("ping", "help", "about");
                Thread.sleep(SETTLE_MILLIS);
                assertThat(discord.commandWrites()).isEqualTo(2);
                assertThat(discord.registeredCommands()).isEmpty();
                assertThat(discord.slashCommand(alice, oneChannel, "ping").awaitReply(WAIT).content())
                        .startsWith("Pong!");
                assertThat(awaitPings(second, 1)).isEqualTo(1);
            }
        }
    }

    private HotcogProcess process(Path dir, String shards) throws Exception {
        return new HotcogProcess(dir)
                .env("HOTCOG_DISCORD_TOKEN", discord.botToken())
                .env("HOTCOG_DISCORD_API_URL", discord.restUrl())
                .env("HOTCOG_DISCORD_GATEWAY_URL", discord.gatewayUrl())
                .env("HOTCOG_DISCORD_SHARDS", shards);
    }

    /** The process's health names only its shard, connected, and it knows only the guild of that shard. */
    private static void assertRunsOnly(HotcogProcess hotcog, int shard, Guild guild) throws Exception {
        JsonNode discordHealth = LaunchTest.JSON.readTree(hotcog.get("/api/health").body()).path("discord");
        assertThat(discordHealth.path("shards").toString()).isEqualTo("{\"" + shard + "\":\"CONNECTED\"}");
        assertThat(discordHealth.path("shardTotal").asInt()).isEqualTo(2);
        JsonNode guilds = LaunchTest.JSON.readTree(hotcog.get("/api/guilds").body());
        assertThat(guilds.findValuesAsText("id")).containsExactly(Long.toString(guild.id()));
        assertThat(guilds.findValuesAsText("shard")).containsExactly(Integer.toString(shard));
    }

    /** Waits until Discord holds the command for {@code guild} (null: globally); returns the names it holds. */
    private List<String> awaitCommand(Guild guild, String name) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        List<String> names = List.of();
        while (!names.contains(name) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            names = (guild == null ? discord.registeredCommands() : discord.registeredCommands(guild)).stream()
                    .map(ApplicationCommand::name).toList();
        }
        return names;
    }

    /** How many /ping interactions the process handled, by its own metrics. */
    private static long pings(HotcogProcess hotcog) throws Exception {
        Matcher count = PINGS.matcher(hotcog.get("/api/metrics").body());
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    private static long awaitPings(HotcogProcess hotcog, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        long seen = pings(hotcog);
        while (seen < expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            seen = pings(hotcog);
        }
        return seen;
    }
}
