package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.hotcog.emulator.ApplicationCommand;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live status messages outlive the process that posted them: the jar posts one, is stopped, the server changes state
 * while no process runs, and the next start of the jar on the same data folder edits the same message to the new
 * state and keeps following the server. The panel itself (added through the REST API, its key sealed in the stored
 * configuration) comes back with the restart too.
 */
class LiveStatusRestartTest {
    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aLiveStatusMessageIsFollowedAgainAfterTheRestart() throws Exception {
        try (LocalDiscord discord = LocalDiscord.start(); LocalPanel panel = LocalPanel.start()) {
            Guild guild = discord.createGuild("Game community");
            TextChannel status = guild.createTextChannel("server-status");
            TextChannel general = guild.createTextChannel("general");
            PanelServer survival = panel.addServer("Survival", ServerLimits.of(4096, 20480, 200));
            survival.setState(PowerState.RUNNING);
            survival.setUsage(50, 1024L << 20, 2048L << 20);
            String clientKey = panel.createClientKey(survival);
            String reference = "main/" + survival.identifier();

            Message live;
            try (HotcogProcess hotcog = process(discord).startAndAwaitReady()) {
                HttpResponse<String> created = hotcog.send(HttpRequest.newBuilder(
                        URI.create(hotcog.url("/api/pterodactyl/" + guild.id() + "/panels/main")))
                        .header("Authorization", "Bearer " + hotcog.adminToken().orElseThrow())
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(
                                "{\"url\": \"" + panel.url() + "\", \"clientKey\": \"" + clientKey + "\"}"))
                        .build());
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                awaitCommand(discord, "server");

                Message answer = awaitAnswer(() -> discord.command(guild.owner(), general, "server")
                        .subcommand("panel").option("server", reference).option("channel", status).send()
                        .awaitReply(WAIT));
                assertThat(answer.content()).as(hotcog.output()).startsWith("The live status of Survival");
                live = await(() -> status.messages().stream()
                        .filter(m -> m.customIds().contains("ptero:live:start:" + reference)).findFirst(),
                        "the live status message");
                assertThat(live.embeds().toString()).contains("Running");
            }
            assertThat(Files.readString(storedPanelConfiguration())).doesNotContain(clientKey);

            survival.setState(PowerState.OFFLINE);
            int editsBefore = live.editCount();
            try (HotcogProcess hotcog = process(discord).startAndAwaitReady()) {
                awaitTrue(() -> live.editCount() > editsBefore && live.embeds().toString().contains("Offline"),
                        "the message edited to the state the server took while the bot was down", hotcog);
                survival.setState(PowerState.RUNNING);
                awaitTrue(() -> live.embeds().toString().contains("Running"),
                        "the message following the server again", hotcog);
                assertThat(status.messages()).filteredOn(m -> m.customIds().contains("ptero:live:start:" + reference))
                        .as("the same message, not a new one").containsExactly(live);
                assertThat(hotcog.output()).doesNotContain(clientKey);
            }
        }
    }

    private HotcogProcess process(LocalDiscord discord) throws Exception {
        return new HotcogProcess(dir)
                .env("HOTCOG_DISCORD_TOKEN", discord.botToken())
                .env("HOTCOG_DISCORD_API_URL", discord.restUrl())
                .env("HOTCOG_DISCORD_GATEWAY_URL", discord.gatewayUrl());
    }

    /** The panel's configuration as Felix's ConfigAdmin stored it in the framework storage. */
    private Path storedPanelConfiguration() throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".config"))
                    .filter(file -> file.toString().contains("org.hotcog.pterodactyl.panel")
                            || file.toString().contains("org/hotcog/pterodactyl/panel"))
                    .findFirst().orElseThrow(() -> new AssertionError("no stored panel configuration under " + dir));
        }
    }

    /** The first answer to a command that may still meet the panel being checked ("unreachable" for a moment). */
    private static Message awaitAnswer(Supplier<Message> command) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        Message answer = command.get();
        while (!answer.content().startsWith("The live status") && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
            answer = command.get();
        }
        return answer;
    }

    private static void awaitCommand(LocalDiscord discord, String name) throws InterruptedException {
        awaitTrue(() -> discord.registeredCommands().stream().map(ApplicationCommand::name).toList().contains(name),
                "the /" + name + " command registered", null);
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        Optional<T> found = probe.get();
        while (found.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            found = probe.get();
        }
        return found.orElseThrow(() -> new AssertionError("no " + what + " within " + WAIT));
    }

    private static void awaitTrue(BooleanSupplier condition, String what, HotcogProcess hotcog)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(() -> "no " + what + " within " + WAIT
                + (hotcog == null ? "" : "\n" + hotcog.output())).isTrue();
    }
}
