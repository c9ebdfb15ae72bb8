package org.hotcog.itest.framework.pterodactyl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.awaitTrue;

import java.net.http.HttpResponse;

import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.itest.framework.HttpAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The REST API with tokens limited to the guild: panels with keys write-only (sealed before they are stored, shown
 * redacted), servers with their state, power by an operator, and the audit.
 */
class PterodactylRestTest {
    static PanelGuild guild;
    static HttpAccess api;
    static ConfigurationAdmin configurations;
    static String admin;
    static String reader;
    static String base;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        configurations = configurationAdmin;
        guild = new PanelGuild(configurationAdmin);
        api = HttpAccess.connect(context);
        long id = guild.fixture.guild.id();
        admin = api.createToken("{\"name\": \"panel-admin\", \"role\": \"admin\", \"guilds\": [" + id + "]}");
        reader = api.createToken("{\"name\": \"panel-reader\", \"role\": \"read-only\", \"guilds\": [" + id + "]}");
        base = "pterodactyl/" + id + "/";
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (guild != null) {
            guild.close();
        }
    }

    private static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        assertThat(response.body()).doesNotContain(guild.panelKey);
        return response.body().isEmpty() ? null : new ObjectMapper().readTree(response.body());
    }

    @Test
    void panelsShowTheirStateWithKeysRedactedAndTakeNewKeysWriteOnly() throws Exception {
        JsonNode panels = ok(api.send("GET", base + "panels", reader));
        assertThat(panels).hasSize(1);
        assertThat(panels.get(0).path("name").asText()).isEqualTo("main");
        assertThat(panels.get(0).path("clientKey").asText()).isEqualTo("ptlc_…"
                + guild.panelKey.substring(guild.panelKey.length() - 4));
        assertThat(panels.get(0).path("state").asText()).isEqualTo("active");

        HttpResponse<String> bad = api.sendJson("PUT", base + "panels/second", admin,
                "{\"url\": \"" + guild.panel.url() + "\", \"clientKey\": \"ptla_notaclientkeyatall\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("clientKey: expected a key starting with ptlc_").doesNotContain("notaclient");
        assertThat(api.sendJson("PUT", base + "panels/second", reader, "{}").statusCode()).isEqualTo(403);

        String second = guild.panel.createClientKey(guild.arcade);
        assertThat(api.sendJson("PUT", base + "panels/second", admin, "{\"url\": \"" + guild.panel.url()
                + "\", \"clientKey\": \"" + second + "\"}").statusCode()).isEqualTo(201);
        Configuration stored = configurations.listConfigurations("(name=second)")[0];
        assertThat(String.valueOf(stored.getProperties().get(".clientKey"))).startsWith("hsec1:")
                .doesNotContain(second);
        // The panel comes up after the answer: until then this guild has no panel of that name (404).
        awaitTrue(() -> {
            try {
                HttpResponse<String> now = api.send("GET", base + "panels/second", reader);
                return now.statusCode() != 404 && ok(now).path("state").asText().equals("active");
            } catch (Exception e) {
                return false;
            }
        }, "the second panel active");
        assertThat(guild.run(guild.command(guild.owner, "server").subcommand("list")).content()).contains("Arcade");

        // a change without a key keeps the key
        assertThat(api.sendJson("PUT", base + "panels/second", admin, "{\"url\": \"" + guild.panel.url() + "/\"}")
                .statusCode()).isEqualTo(202);
        assertThat(configurations.listConfigurations("(name=second)")[0].getProperties().get(".clientKey"))
                .isEqualTo(stored.getProperties().get(".clientKey"));

        assertThat(api.send("DELETE", base + "panels/second", admin).statusCode()).isEqualTo(204);
        awaitTrue(() -> guild.run(guild.command(guild.owner, "server").subcommand("list")).content()
                .contains("Arcade") == false, "the second panel gone");
        assertThat(api.send("GET", base + "panels/second", reader).statusCode()).isEqualTo(404);
    }

    @Test
    void serversWithTheirStatePowerByAnOperatorAndTheAudit() throws Exception {
        guild.lobby.setState(PowerState.RUNNING);
        JsonNode servers = ok(api.send("GET", base + "servers", reader));
        assertThat(servers.path("servers").findValuesAsText("name")).contains("Lobby", "Survival", "Creative");
        JsonNode lobby = servers.path("servers").get(0);
        assertThat(lobby.path("name").asText()).isEqualTo("Lobby");
        assertThat(lobby.path("state").asText()).isEqualTo("running");
        assertThat(lobby.path("address").asText()).isEqualTo(guild.lobby.address());

        String power = base + "servers/main/" + guild.creative.identifier() + "/power";
        assertThat(api.sendJson("POST", power, reader, "{\"signal\": \"start\"}").statusCode()).isEqualTo(403);
        assertThat(api.sendJson("POST", power, admin, "{\"signal\": \"explode\"}").statusCode()).isEqualTo(400);
        assertThat(api.sendJson("POST", power, admin, "{\"signal\": \"start\"}").statusCode()).isEqualTo(202);
        assertThat(guild.creative.powerSignals()).containsExactly("start");
        assertThat(api.sendJson("POST", base + "servers/main/" + guild.arcade.identifier() + "/power", admin,
                "{\"signal\": \"start\"}").statusCode()).as("a server the panel's key does not see").isEqualTo(404);

        JsonNode audit = ok(api.send("GET", base + "audit?limit=5", reader));
        assertThat(audit.get(0).path("detail").asText()).isEqualTo("start (REST: panel-admin)");
        assertThat(audit.get(0).path("outcome").asText()).isEqualTo("ok");
        assertThat(api.send("GET", base + "audit?limit=0", reader).statusCode()).isEqualTo(400);
    }
}
