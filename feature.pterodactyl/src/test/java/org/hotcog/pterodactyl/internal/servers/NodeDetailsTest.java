package org.hotcog.pterodactyl.internal.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.hotcog.pterodactyl.internal.client.PanelClient;
import org.hotcog.pterodactyl.internal.client.PanelServerInfo;
import org.hotcog.pterodactyl.internal.client.RequestBudgets;
import org.hotcog.pterodactyl.internal.panel.Panel;
import org.hotcog.pterodactyl.internal.panel.PanelSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Node details from the local panel's Application API: cached, and quiet when it fails. */
class NodeDetailsTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final RequestBudgets budgets = new RequestBudgets(240, Clock.systemUTC());
    private final NodeDetails details = new NodeDetails();
    private LocalPanel local;
    private PanelServer survival;
    private String clientKey;

    @BeforeEach
    void start() {
        local = LocalPanel.start();
        local.addServer("Lobby", ServerLimits.of(1024, 1024, 100));
        survival = local.addServer("Survival", ServerLimits.of(4096, 20480, 200));
        clientKey = local.createClientKey(survival);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private Panel panel(String applicationKey) {
        PanelSettings settings = new PanelSettings("main", local.url(), clientKey, applicationKey, Set.of(1L));
        return new Panel("pid", settings, new PanelClient(http, local.url(), clientKey, applicationKey,
                PanelClient.Settings.defaults(), budgets));
    }

    @Test
    void showsTheNodeAndItsLocationAndAsksAgainOnlyAfterTenMinutes() {
        String applicationKey = local.createApplicationKey();
        Panel panel = panel(applicationKey);
        PanelServerInfo server = panel.client().listServers().get(0);
        assertThat(details.of(panel, server)).contains(new NodeDetails.Where("local-node", "This machine", null));
        long asked = local.requests(applicationKey);
        assertThat(details.of(panel, server)).isPresent();
        assertThat(local.requests(applicationKey)).as("cached").isEqualTo(asked);

        // a client that sees no allocation (an old panel's Client API): the address comes from the node's
        PanelServerInfo withoutAddress = new PanelServerInfo(server.identifier(), server.uuid(), server.internalId(),
                server.name(), server.node(), server.limits(), List.of(), false, false);
        assertThat(details.of(panel, withoutAddress).map(NodeDetails.Where::address)).contains(survival.address());
    }

    @Test
    void withoutAnApplicationKeyNothingIsAsked() {
        Panel panel = panel(null);
        PanelServerInfo server = panel.client().listServers().get(0);
        long before = local.requests();
        assertThat(details.of(panel, server)).isEmpty();
        assertThat(local.requests()).isEqualTo(before);
    }

    @Test
    void aRefusedKeyLeavesTheDetailsOutAndIsNotAskedAgainAtOnce() {
        String applicationKey = local.createApplicationKey();
        Panel panel = panel(applicationKey);
        PanelServerInfo server = panel.client().listServers().get(0);
        local.revokeKey(applicationKey);
        assertThat(details.of(panel, server)).isEmpty();
        long asked = local.requests(applicationKey);
        assertThat(details.of(panel, server)).isEmpty();
        assertThat(local.requests(applicationKey)).isEqualTo(asked);
    }
}
