package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.ConsoleTest.PASSWORD;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.hotcog.itest.framework.discord.DiscordFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The console's Hotcog tab over real HTTP: its page and data, its actions under the console login,
 * and what is done on the console's standard bundle page, which is audited and reaches Discord.
 */
class ConsolePluginTest {
    private static final String FEATURE = "org.hotcog.itest.consoleswap";

    @InjectBundleContext
    BundleContext context;

    private String tab;
    private HttpAccess api;

    @BeforeEach
    void connect() throws Exception {
        api = HttpAccess.connect(context);
        tab = Http.baseUrl(context) + "system/console/hotcog";
    }

    @AfterEach
    void removeFeature() throws Exception {
        for (Bundle bundle : context.getBundles()) {
            if (FEATURE.equals(bundle.getSymbolicName())) {
                bundle.uninstall();
            }
        }
    }

    @Test
    void theTabShowsModulesAndItsActionsNeedTheLoginAndTheHeader() throws Exception {
        assertThat(Http.get(tab).statusCode()).isEqualTo(401);
        HttpResponse<String> page = Http.console("GET", tab, PASSWORD, null, null, null);
        long deadline = System.currentTimeMillis() + 20_000;
        while (page.statusCode() == 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100); // the tab registers once its services are up
            page = Http.console("GET", tab, PASSWORD, null, null, null);
        }
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("hotcog-modules").contains("hotcog.js");

        HttpResponse<String> installed = Http.console("POST", tab + "/modules", PASSWORD, "1",
                "application/java-archive", TestBundles.feature(FEATURE, "1.0.0", false));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        long id = Http.json(installed).path("id").asLong();

        JsonNode data = Http.json(Http.console("GET", tab + "/data.json", PASSWORD, null, null, null));
        assertThat(data.path("modules").toString()).contains(FEATURE).contains("/swap");
        assertThat(data.path("core").toString()).contains("org.hotcog.bot.core");

        HttpResponse<String> forged = Http.console("POST", tab + "/modules/" + id + "/stop", PASSWORD, null, null,
                null);
        assertThat(forged.statusCode()).as("no header: what a form of another site could send").isEqualTo(403);
        assertThat(context.getBundle(id).getState()).isEqualTo(Bundle.ACTIVE);

        HttpResponse<String> stopped = Http.console("POST", tab + "/modules/" + id + "/stop", PASSWORD, "1", null,
                null);
        assertThat(Http.json(stopped).path("state").asText()).isEqualTo("RESOLVED");
        HttpResponse<String> core = Http.console("POST", tab + "/modules/org.hotcog.bot.core/stop", PASSWORD, "1",
                null, null);
        assertThat(core.statusCode()).isEqualTo(409);

        HttpResponse<String> token = Http.console("POST", tab + "/tokens", PASSWORD, "1", "application/json",
                "{\"name\": \"from-console\", \"role\": \"read-only\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(token.statusCode()).isEqualTo(201);
        String secret = Http.json(token).path("secret").asText();
        assertThat(api.send("GET", "modules", secret).statusCode()).isEqualTo(200);
        HttpResponse<String> badToken = Http.console("POST", tab + "/tokens", PASSWORD, "1", "application/json",
                "{\"name\": \"x\", \"role\": \"root\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(badToken.statusCode()).isEqualTo(400);
        assertThat(Http.json(badToken).path("message").asText()).contains("role");

        assertThat(api.json("GET", "audit?limit=20").toString())
                .contains("console:admin").contains("stop " + FEATURE + " 1.0.0");
    }

    @Test
    void operationsOnTheStandardBundlePageAreAudited() throws Exception {
        Bundle feature = context.installBundle("itest:consoleswap",
                new java.io.ByteArrayInputStream(TestBundles.feature(FEATURE, "1.0.0", false)));
        feature.start();
        assertThat(onBundlePage(feature, "stop").statusCode()).isEqualTo(200);
        assertThat(feature.getState()).isEqualTo(Bundle.RESOLVED);
        JsonNode audit = api.json("GET", "audit?limit=5");
        assertThat(audit.get(0).path("actor").asText()).isEqualTo("console:admin");
        assertThat(audit.get(0).path("action").asText()).isEqualTo("console bundles stop");
        assertThat(audit.get(0).path("target").asText()).contains(FEATURE);
    }

    @Test
    void aStopOnTheStandardBundlePageTakesTheCommandsOutOfDiscordAndAStartBringsThemBack(
            @InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin) throws Exception {
        try (DiscordFixture fixture = new DiscordFixture(configurationAdmin)) {
            Bundle feature = context.installBundle("itest:consoleswap",
                    new java.io.ByteArrayInputStream(TestBundles.feature(FEATURE, "1.0.0", false)));
            feature.start();
            fixture.requireCommands(Set.of("swap"));

            assertThat(onBundlePage(feature, "stop").statusCode()).isEqualTo(200);
            assertThat(fixture.awaitCommands(Set.of("swap"), false)).doesNotContain("swap").contains("ping");

            assertThat(onBundlePage(feature, "start").statusCode()).isEqualTo(200);
            assertThat(feature.getState()).isEqualTo(Bundle.ACTIVE);
            fixture.requireCommands(Set.of("swap"));
            assertThat(fixture.discord.slashCommand(fixture.alice, fixture.general, "swap")
                    .awaitReply(DiscordFixture.WAIT).content()).isEqualTo("swap 1.0.0");
        }
    }

    /** Does what the console's standard bundle page does when its stop or start button is pressed. */
    private HttpResponse<String> onBundlePage(Bundle bundle, String action) throws Exception {
        return Http.console("POST", Http.baseUrl(context) + "system/console/bundles/" + bundle.getBundleId(),
                PASSWORD, null, "application/x-www-form-urlencoded",
                ("action=" + action).getBytes(StandardCharsets.UTF_8));
    }
}
