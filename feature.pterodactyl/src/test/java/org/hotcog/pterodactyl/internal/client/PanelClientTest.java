package org.hotcog.pterodactyl.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the local panel, which speaks the real Client API. */
class PanelClientTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private LocalPanel panel;
    private PanelServer survival;
    private PanelServer creative;
    private String key;

    @BeforeEach
    void start() {
        panel = LocalPanel.start();
        panel.powerDelay(Duration.ofMillis(50));
        survival = panel.addServer("Survival", ServerLimits.of(4096, 20480, 200));
        creative = panel.addServer("Creative", ServerLimits.of(2048, 10240, 100));
        key = panel.createClientKey(survival, creative);
    }

    @AfterEach
    void stop() {
        panel.close();
    }

    private final RequestBudgets budgets = new RequestBudgets(240, Clock.systemUTC());

    private PanelClient client(String clientKey, String applicationKey, PanelClient.Settings settings) {
        return new PanelClient(http, panel.url() + "/", clientKey, applicationKey, settings, budgets);
    }

    private PanelClient client() {
        return client(key, null, PanelClient.Settings.defaults());
    }

    @Test
    void listsEveryServerTheKeySeesAcrossPages() {
        List<PanelServer> many = new ArrayList<>(List.of(survival, creative));
        for (int i = 0; i < 118; i++) {
            many.add(panel.addServer("Server " + i, ServerLimits.of(1024, 1024, 100)));
        }
        panel.addServer("Not ours", ServerLimits.of(1024, 1024, 100));
        String wide = panel.createClientKey(many.toArray(PanelServer[]::new));
        List<PanelServerInfo> servers = client(wide, null, PanelClient.Settings.defaults()).listServers();
        assertThat(servers).extracting(PanelServerInfo::identifier)
                .containsExactlyElementsOf(many.stream().map(PanelServer::identifier).toList());
        assertThat(panel.requests(wide)).isEqualTo(2);
        PanelServerInfo first = servers.get(0);
        assertThat(first.name()).isEqualTo("Survival");
        assertThat(first.uuid()).isEqualTo(survival.uuid());
        assertThat(first.limits().cpuPercent()).isEqualTo(200);
        assertThat(first.limits().memoryMb()).isEqualTo(4096);
        assertThat(first.defaultAllocation().orElseThrow().address()).isEqualTo(survival.address());
    }

    @Test
    void readsDetailsAndResourcesAndSendsPowerAndCommands() throws Exception {
        PanelClient client = client();
        assertThat(client.server(creative.identifier()).name()).isEqualTo("Creative");
        assertThat(client.resources(survival.identifier()).state()).isEqualTo("offline");
        assertThatThrownBy(() -> client.command(survival.identifier(), "say hi"))
                .isInstanceOf(PanelException.ServerOffline.class).hasMessageContaining("not running");

        client.power(survival.identifier(), PowerSignal.START);
        awaitState(survival, PowerState.RUNNING);
        survival.setUsage(150.0, 3L << 30, 7L << 30);
        Usage usage = client.resources(survival.identifier());
        assertThat(usage.state()).isEqualTo("running");
        assertThat(usage.cpuAbsolute()).isEqualTo(150.0);
        assertThat(usage.memoryBytes()).isEqualTo(3L << 30);
        assertThat(usage.diskBytes()).isEqualTo(7L << 30);
        client.command(survival.identifier(), "say hi");
        assertThat(survival.commandsReceived()).containsExactly("say hi");
        assertThatThrownBy(() -> client.command(survival.identifier(), "say hi\nop mallory"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("command:");
        client.power(survival.identifier(), PowerSignal.KILL);
        assertThat(survival.state()).isEqualTo(PowerState.OFFLINE);
    }

    private static void awaitState(PanelServer server, PowerState state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.state() != state && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.state()).isEqualTo(state);
    }

    @Test
    void mapsRefusalsToTypedErrorsThatNeverShowTheKey() {
        PanelServer other = panel.addServer("Other", ServerLimits.of(1024, 1024, 100));
        PanelClient client = client();
        assertThatThrownBy(() -> client.server(other.identifier())).isInstanceOf(PanelException.NotFound.class);
        assertThatThrownBy(() -> client.server("../../application")).isInstanceOf(IllegalArgumentException.class);
        panel.failNext("client", 422, 1);
        assertThatThrownBy(() -> client.power(survival.identifier(), PowerSignal.START))
                .isInstanceOf(PanelException.Rejected.class);
        panel.revokeKey(key);
        assertThatThrownBy(client::listServers).isInstanceOfSatisfying(PanelException.Unauthorized.class,
                e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("ptlc_…" + key.substring(key.length() - 4)).message().doesNotContain(key);
        String application = panel.createApplicationKey();
        assertThatThrownBy(() -> client(application, null, PanelClient.Settings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("client key:")
                .message().doesNotContain(application);
        assertThatThrownBy(() -> new PanelClient(http, "panel.example.com", key, null,
                PanelClient.Settings.defaults(), budgets)).hasMessageStartingWith("url:");
    }

    @Test
    void waitsOutA429ForItsRetryAfterInsteadOfHammering() {
        PanelClient client = client();
        panel.rateLimitNext("client", Duration.ofSeconds(1), 1);
        long started = System.nanoTime();
        assertThat(client.listServers()).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(panel.requests(key)).isEqualTo(2);

        panel.rateLimitNext("client", Duration.ofSeconds(120), 1);
        assertThatThrownBy(client::listServers).isInstanceOfSatisfying(PanelException.RateLimited.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThat(panel.requests(key)).isEqualTo(3);
        // the key is held back for the two minutes the panel asked for: the next call does not reach it
        assertThatThrownBy(client::listServers).isInstanceOf(PanelException.RateLimited.class);
        assertThat(panel.requests(key)).isEqualTo(3);
    }

    @Test
    void staysWithinThePanelsOwnLimit() {
        panel.rateLimit(2, Duration.ofSeconds(2));
        PanelClient client = client();
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            client.resources(survival.identifier());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(panel.requests(key)).isEqualTo(4); // the third once refused, once answered
    }

    @Test
    void keepsABudgetPerKey() {
        RequestBudgets five = new RequestBudgets(5, Clock.systemUTC());
        PanelClient.Settings noWait = new PanelClient.Settings(Duration.ofSeconds(5), 3, Duration.ZERO,
                Duration.ofSeconds(30));
        PanelClient first = new PanelClient(http, panel.url(), key, null, noWait, five);
        PanelClient sameKey = new PanelClient(http, panel.url(), key, null, noWait, five);
        for (int i = 0; i < 3; i++) {
            first.resources(survival.identifier());
        }
        sameKey.resources(survival.identifier());
        sameKey.resources(survival.identifier());
        assertThatThrownBy(() -> first.resources(survival.identifier()))
                .isInstanceOf(PanelException.RateLimited.class).hasMessageContaining("5 requests per 60 s");
        assertThat(panel.requests(key)).isEqualTo(5);
        assertThat(sameKey.clientRequestsLastMinute()).isEqualTo(5);
        // another key has a budget of its own
        PanelClient otherKey = new PanelClient(http, panel.url(), panel.createClientKey(survival), null, noWait, five);
        otherKey.resources(survival.identifier());
    }

    @Test
    void retriesReadsAfter5xxButNeverPowerSignals() {
        PanelClient client = client();
        panel.failNext("client/servers/" + survival.identifier(), 503, 1);
        assertThat(client.server(survival.identifier()).name()).isEqualTo("Survival");
        panel.failNext("client/servers/" + survival.identifier() + "/power", 500, 1);
        long before = panel.requests(key);
        assertThatThrownBy(() -> client.power(survival.identifier(), PowerSignal.START))
                .isInstanceOfSatisfying(PanelException.Unavailable.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThat(panel.requests(key)).isEqualTo(before + 1);
        assertThat(survival.powerSignals()).isEmpty();
        panel.failNext("client", 503, 10);
        assertThatThrownBy(client::listServers).isInstanceOf(PanelException.Unavailable.class)
                .hasMessageContaining("503");
    }

    @Test
    void aSlowPanelTimesOut() {
        PanelClient client = client(key, null, new PanelClient.Settings(Duration.ofMillis(300), 0,
                Duration.ofSeconds(5), Duration.ofSeconds(30)));
        panel.delayNext("client", Duration.ofSeconds(2), 1);
        assertThatThrownBy(client::listServers).isInstanceOf(PanelException.Unavailable.class)
                .hasMessageContaining("did not answer within 300 ms");
    }

    @Test
    void looksUpNodesAndAllocationsWithAnApplicationKey() {
        PanelClient withApplication = client(key, panel.createApplicationKey(), PanelClient.Settings.defaults());
        Node node = withApplication.node(1).orElseThrow();
        assertThat(node.fqdn()).isEqualTo("127.0.0.1");
        assertThat(node.name()).isEqualTo("local-node");
        assertThat(node.location()).isEqualTo("This machine");
        assertThat(withApplication.placement(creative.internalId()))
                .contains(new Node.Placement(1, creative.internalId()));
        assertThat(withApplication.placement(9999)).isEmpty();
        assertThat(withApplication.node(7)).isEmpty();
        assertThat(withApplication.allocations(1)).extracting(a -> a.ip() + ":" + a.port())
                .containsExactly(survival.address(), creative.address());
        assertThatThrownBy(() -> client().node(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no application key");
    }
}
