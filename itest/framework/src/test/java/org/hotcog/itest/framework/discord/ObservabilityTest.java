package org.hotcog.itest.framework.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.hotcog.itest.framework.HttpAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /api/commands}, {@code /api/guilds}, {@code /api/metrics} and {@code /api/openapi.json} of a connected bot. */
class ObservabilityTest {
    static DiscordFixture fixture;
    static HttpAccess api;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        api = HttpAccess.connect(context);
        fixture.requireCommands(Set.of("ping", "echo"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void commandsAndGuildsAreListed() throws Exception {
        JsonNode commands = api.json("GET", "commands");
        List<String> lines = new ArrayList<>();
        commands.forEach(c -> lines.add(c.path("kind").asText() + " " + c.path("name").asText() + " "
                + c.path("module").asText()));
        assertThat(lines).contains("slash ping core", "slash modules core", "slash echo itest");

        JsonNode guilds = awaitGuild();
        assertThat(guilds.toString()).contains("Test guild").contains(Long.toString(fixture.guild.id()));
    }

    @Test
    void metricsCountInteractionsInPrometheusFormat() throws Exception {
        fixture.discord.slashCommand(fixture.alice, fixture.general, "ping").awaitReply(DiscordFixture.WAIT);
        HttpResponse<String> response = api.send("GET", "metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        String metrics = awaitMetric("hotcog_interactions_total{module=\"core\",command=\"/ping\",outcome=\"OK\"}");
        assertThat(metrics)
                .contains("# TYPE hotcog_interactions_total counter")
                .contains("hotcog_interaction_latency_seconds_bucket{module=\"core\",le=\"+Inf\"}")
                .contains("hotcog_gateway_connected{shard=\"0\"} 1")
                .contains("hotcog_db_pool_max ")
                .contains("hotcog_jvm_threads ");
    }

    @Test
    void openApiDescribesEveryEndpointFeaturesIncluded() throws Exception {
        JsonNode document = api.json("GET", "openapi.json");
        assertThat(document.path("openapi").asText()).startsWith("3.");
        JsonNode paths = document.path("paths");
        assertThat(paths.has("/health")).isTrue();
        JsonNode operate = paths.path("/modules/{id}/{operation}").path("post");
        assertThat(operate.path("x-hotcog-role").asText()).isEqualTo("operator");
        assertThat(operate.path("parameters").toString()).contains("\"enum\":[\"start\",\"stop\",\"reload\"]");
        JsonNode feature = paths.path("/itest/{guildId}/greeting").path("get");
        assertThat(feature.path("tags").get(0).asText()).isEqualTo("itest");
        assertThat(feature.path("parameters").toString()).contains("\"name\":\"name\"").contains("\"in\":\"query\"");
        assertThat(paths.path("/modules").path("post").path("requestBody").path("content")
                .has("application/java-archive")).isTrue();
    }

    @Test
    void aTokenLimitedToAGuildReachesOnlyThatGuildsEndpoints() throws Exception {
        String limited = api.createToken("{\"name\": \"one-guild\", \"role\": \"operator\", \"guilds\": [111]}");
        assertThat(api.send("GET", "itest/111/greeting?name=mia", limited).body()).contains("hello mia");
        assertThat(api.send("POST", "itest/111/refresh", limited).statusCode()).isEqualTo(200);
        HttpResponse<String> other = api.send("GET", "itest/222/greeting", limited);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("222");
        String reader = api.createToken("{\"name\": \"reader\", \"role\": \"read-only\"}");
        assertThat(api.send("POST", "itest/222/refresh", reader).statusCode()).isEqualTo(403);
    }

    private static JsonNode awaitGuild() throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        JsonNode guilds = api.json("GET", "guilds");
        while (guilds.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            guilds = api.json("GET", "guilds");
        }
        return guilds;
    }

    private static String awaitMetric(String line) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        String metrics = api.send("GET", "metrics").body();
        while (!metrics.contains(line) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            metrics = api.send("GET", "metrics").body();
        }
        assertThat(metrics).contains(line);
        return metrics;
    }
}
