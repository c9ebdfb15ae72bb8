package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The run command's main job with nothing configured: Hotcog starts on the local Discord with a
 * demo guild, prints the playground's address, and the core commands answer there as a person
 * would use them, and so does /ask, answered by the demo AI provider.
 */
class OfflineModeTest {
    @TempDir
    Path dir;

    @Test
    void playgroundRunsCoreCommandsOnTheDemoGuild() throws Exception {
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            JsonNode health = LaunchTest.JSON.readTree(hotcog.get("/api/health").body());
            assertThat(health.path("discord").path("state").asText()).isEqualTo("CONNECTED");
            assertThat(awaitOutput(hotcog, "/playground")).contains(hotcog.url("/playground"));

            var page = hotcog.get("/playground");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>Hotcog playground</title>");

            JsonNode state = awaitState(hotcog, s -> s.path("commands").findValuesAsText("name").contains("ping"));
            assertThat(state.path("guild").path("name").asText()).isEqualTo("Hotcog Demo");
            assertThat(state.path("commands").findValuesAsText("name")).contains("ping", "help", "about");
            String user = state.path("users").get(0).path("id").asText();
            String channel = state.path("channels").get(0).path("id").asText();

            command(hotcog, user, channel, "\"name\":\"ping\",\"options\":{}");
            JsonNode after = awaitState(hotcog, s -> s.path("channels").get(0).path("messages").findValuesAsText("content")
                    .stream().anyMatch(c -> c.startsWith("Pong!")));
            assertThat(after.path("channels").get(0).path("messages").findValuesAsText("content"))
                    .anyMatch(c -> c.startsWith("Pong! Gateway"));

            // the one connection has the intents of every module's listeners from the start: none is remade
            // under an answer in progress
            assertThat(hotcog.output()).containsPattern("Connecting to \\S+ with intents \\[[^]]*MESSAGE_CONTENT")
                    .doesNotContain("Reconnecting to Discord");

            // /ask is answered by the demo provider, the local OpenAI-compatible one, with no key to set
            var asked = hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url("/playground/api/command")))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"channel\":\"" + channel
                            + "\",\"name\":\"ask\",\"options\":{\"prompt\":\"hello demo\"}}"))
                    .build());
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
            JsonNode answered = awaitState(hotcog, s -> s.path("channels").get(0).path("messages")
                    .findValuesAsText("content").stream().anyMatch(c -> c.endsWith("a local model)")));
            assertThat(answered.path("channels").get(0).path("messages").findValuesAsText("content"))
                    .as(hotcog::output).contains("You said: \"hello demo\". (local-vision, a local model)");
        }
    }

    @Test
    void theDemoPanelShowsALiveStatusMessageThatFollowsTheLoad() throws Exception {
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            JsonNode state = awaitState(hotcog, s -> s.path("commands").findValuesAsText("name").contains("server"));
            assertThat(state.path("commands").findValuesAsText("name")).contains("server", "ptero", "ptero-admin");
            String owner = null;
            for (JsonNode user : state.path("users")) {
                if (!List.of("mod-mia", "alice").contains(user.path("name").asText())) {
                    owner = user.path("id").asText();
                }
            }
            String channel = state.path("channels").get(0).path("id").asText();
            command(hotcog, owner, channel,
                    "\"name\":\"server\",\"subcommand\":\"panel\",\"options\":{\"server\":\"Survival\"}");
            JsonNode posted = awaitState(hotcog, s -> liveEmbed(s) != null);
            String first = liveEmbed(posted);
            assertThat(first).as(posted.toString()).contains("Survival", "of 2 vCPU");
            // the demo servers' load moves every few seconds: the message follows, within its edit budget
            JsonNode edited = awaitState(hotcog, s -> liveEmbed(s) != null && !liveEmbed(s).equals(first));
            assertThat(liveEmbed(edited)).as("the live status edited").isNotEqualTo(first);
        }
    }

    /** Runs a command in the playground as {@code user}; {@code command} is the JSON body's name, options... */
    private static void command(HotcogProcess hotcog, String user, String channel, String command) throws Exception {
        var sent = hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url("/playground/api/command")))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\",\"channel\":\"" + channel
                        + "\"," + command + "}"))
                .build());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    }

    /** The embed of the live status message in the first channel, as text, or null. */
    private static String liveEmbed(JsonNode state) {
        for (JsonNode message : state.path("channels").get(0).path("messages")) {
            if (message.path("components").toString().contains("ptero:live:")) {
                return message.path("embeds").toString();
            }
        }
        return null;
    }

    private static String awaitOutput(HotcogProcess hotcog, String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!hotcog.output().contains(text) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return hotcog.output();
    }

    private static JsonNode awaitState(HotcogProcess hotcog, java.util.function.Predicate<JsonNode> condition)
            throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode state = LaunchTest.JSON.readTree(hotcog.get("/playground/api/state").body());
        while (!condition.test(state) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            state = LaunchTest.JSON.readTree(hotcog.get("/playground/api/state").body());
        }
        return state;
    }
}
