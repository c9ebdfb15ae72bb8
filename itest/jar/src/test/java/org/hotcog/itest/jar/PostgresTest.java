package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.itest.postgres.TemporaryPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar on PostgreSQL, as an operator runs it when one machine is not enough: every module's migrations run there,
 * commands of the modules store their rows there, and a second process with an empty data folder finds them all. The
 * start-up order differs from H2's (the database comes later), which is where cycles between components show.
 */
class PostgresTest {
    static final Duration WAIT = Duration.ofSeconds(30);
    static final long ADMINISTRATOR = 1L << 3;
    static final String ADMIN_TOKEN = "shared-admin-token-" + System.nanoTime();
    static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final Set<String> OWNERS = Set.of("org.hotcog.bot.core", "org.hotcog.moderation", "org.hotcog.economy",
            "org.hotcog.levels", "org.hotcog.tickets", "org.hotcog.pterodactyl", "org.hotcog.ai");

    @TempDir
    Path dir;

    @Test
    void theModulesKeepTheirDataInPostgresAndASecondProcessFindsIt() throws Exception {
        try (TemporaryPostgres postgres = new TemporaryPostgres(); LocalDiscord discord = LocalDiscord.start()) {
            Guild guild = discord.createGuild("Shared guild");
            TextChannel general = guild.createTextChannel("general");
            User moderator = discord.createUser("mod");
            User member = discord.createUser("member");
            guild.addMember(moderator);
            guild.addMember(member);
            guild.addRole(moderator, guild.createRole("Admins", ADMINISTRATOR));

            String balance;
            try (HotcogProcess first = process(discord, postgres, "first").startAndAwaitReady()) {
                awaitRouted(first);
                awaitSynced(first, "warn", "daily", "balance");
                assertThat(reply(discord, moderator, general, "warn", first, "member", member, "reason", "spam"))
                        .contains("(case #1)");
                String daily = reply(discord, member, general, "daily", first);
                assertThat(daily).as(first.output()).doesNotContainIgnoringCase("already");
                balance = reply(discord, member, general, "balance", first);
                general.post(member, "a message worth some experience");
                assertClean(first);
            }

            try (HotcogProcess second = process(discord, postgres, "second").startAndAwaitReady()) {
                // the local Discord has the commands from the first process, which this one finds unchanged
                awaitRouted(second);
                assertThat(reply(discord, member, general, "balance", second)).isEqualTo(balance);
                assertThat(reply(discord, member, general, "daily", second)).containsIgnoringCase("already");
                assertThat(reply(discord, moderator, general, "warn", second, "member", member, "reason", "again"))
                        .as("the case numbers go on").contains("(case #2)");
                assertClean(second);
            }

            try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                    ResultSet owners = s.executeQuery("SELECT DISTINCT owner FROM hotcog_schema_history")) {
                Set<String> migrated = new HashSet<>();
                while (owners.next()) {
                    migrated.add(owners.getString(1));
                }
                assertThat(migrated).containsAll(OWNERS);
            }
        }
    }

    private HotcogProcess process(LocalDiscord discord, TemporaryPostgres postgres, String folder) throws Exception {
        return new HotcogProcess(Files.createDirectories(dir.resolve(folder)))
                .env("HOTCOG_DISCORD_TOKEN", discord.botToken())
                .env("HOTCOG_DISCORD_API_URL", discord.restUrl())
                .env("HOTCOG_DISCORD_GATEWAY_URL", discord.gatewayUrl())
                .env("HOTCOG_DATABASE_URL", postgres.jdbcUrl())
                .env("HOTCOG_DATABASE_USER", TemporaryPostgres.USER)
                // the processes share the database, where the API's tokens are: only the first would write one
                .env("HOTCOG_ADMIN_TOKEN", ADMIN_TOKEN);
    }

    /** Runs a command with options given as name, value pairs and returns its reply. */
    private static String reply(LocalDiscord discord, User user, TextChannel channel, String name, HotcogProcess bot,
            Object... options) {
        var command = discord.command(user, channel, name);
        for (int i = 0; i < options.length; i += 2) {
            command = command.option((String) options[i], options[i + 1]);
        }
        String content = command.send().awaitReply(WAIT).content();
        assertThat(content).as(bot.output()).isNotBlank();
        return content;
    }

    /** Neither an error logged nor a cycle between components that SCR broke by leaving one unsatisfied. */
    private static void assertClean(HotcogProcess bot) {
        assertThat(bot.output()).doesNotContain("resulted in a cycle").doesNotContain(" ERROR ");
    }

    /** Waits until the process's own registry routes the commands the test runs to their modules. */
    private static void awaitRouted(HotcogProcess bot) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        for (String[] route : List.of(new String[] {"moderation", "/warn"}, new String[] {"economy", "/daily"},
                new String[] {"economy", "/balance"})) {
            while (!commands(bot, route[0]).contains(route[1])) {
                assertThat(System.currentTimeMillis()).as("%s routed:%n%s", route[1], bot.output())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    private static List<String> commands(HotcogProcess bot, String module) throws Exception {
        var response = bot.get("/api/modules/" + module);
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> commands = new java.util.ArrayList<>();
        JSON.readTree(response.body()).path("commands").forEach(command -> commands.add(command.asText()));
        return commands;
    }

    /** Waits until the process has told Discord of its commands, these among them (the local Discord keeps the
     * commands an earlier process registered, so its own list says nothing of this one). */
    private static void awaitSynced(HotcogProcess bot, String... names) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            boolean synced = bot.output().lines().filter(line -> line.contains("commands globally: ["))
                    .map(line -> List.of(line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')).split(", ")))
                    .anyMatch(registered -> registered.containsAll(List.of(names)));
            if (synced) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no command sync with " + List.of(names) + ":\n" + bot.output());
    }
}
