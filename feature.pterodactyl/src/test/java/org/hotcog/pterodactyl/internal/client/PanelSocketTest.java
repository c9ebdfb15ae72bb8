package org.hotcog.pterodactyl.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The websocket against the local panel's Wings socket: live events, token renewal, reconnects. */
class PanelSocketTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Usage> stats = new LinkedBlockingQueue<>();
    private LocalPanel panel;
    private PanelServer survival;
    private String key;
    private PanelClient client;

    /** Records every event as "kind:value" in order. */
    private final PanelSocket.Listener listener = new PanelSocket.Listener() {
        @Override
        public void onAuthenticated() {
            events.add("authenticated");
        }

        @Override
        public void onStatus(String state) {
            events.add("status:" + state);
        }

        @Override
        public void onStats(Usage usage) {
            stats.add(usage);
        }

        @Override
        public void onConsole(String line) {
            events.add("console:" + line);
        }

        @Override
        public void onDisconnected() {
            events.add("disconnected");
        }

        @Override
        public void onGaveUp(PanelException cause) {
            events.add("gave up:" + cause.getClass().getSimpleName());
        }
    };

    @BeforeEach
    void start() {
        panel = LocalPanel.start();
        panel.powerDelay(Duration.ofMillis(50));
        panel.statsInterval(Duration.ofMillis(100));
        survival = panel.addServer("Survival", ServerLimits.of(4096, 20480, 200));
        key = panel.createClientKey(survival);
        // pings often, so that a connection that died without a close is noticed within the test
        client = new PanelClient(http, panel.url(), key, null, new PanelClient.Settings(Duration.ofSeconds(5), 3,
                Duration.ofSeconds(30), Duration.ofMillis(300)), new RequestBudgets(240, Clock.systemUTC()));
    }

    @AfterEach
    void stop() throws InterruptedException {
        scheduler.shutdownNow();
        scheduler.awaitTermination(5, TimeUnit.SECONDS);
        panel.close();
    }

    private void expect(String event) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String next = events.poll(100, TimeUnit.MILLISECONDS);
            if (event.equals(next)) {
                return;
            }
        }
        throw new AssertionError("no event " + event);
    }

    @Test
    void streamsStatusStatsAndConsole() throws Exception {
        try (PanelSocket socket = client.openSocket(survival.identifier(), listener, scheduler)) {
            expect("authenticated");
            expect("status:offline");
            assertThat(socket.connected()).isTrue();
            survival.setUsage(120.0, 1L << 30, 2L << 30);
            client.power(survival.identifier(), PowerSignal.START);
            expect("status:starting");
            expect("status:running");
            Usage usage = stats.poll(5, TimeUnit.SECONDS);
            while (usage != null && !usage.state().equals("running")) {
                usage = stats.poll(5, TimeUnit.SECONDS);
            }
            assertThat(usage).isNotNull();
            assertThat(usage.cpuAbsolute()).isEqualTo(120.0);
            assertThat(usage.memoryLimitBytes()).isEqualTo(4096L << 20);
            survival.consoleLine("Player alice joined");
            expect("console:Player alice joined");
            socket.requestLogs();
            expect("console:Player alice joined");
        }
        // the close handshake completes in the background
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (survival.authenticatedConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(survival.authenticatedConnections()).isZero();
    }

    @Test
    void renewsAnExpiringTokenOnTheSameConnection() throws Exception {
        try (PanelSocket socket = client.openSocket(survival.identifier(), listener, scheduler)) {
            expect("authenticated");
            long before = panel.requests(key);
            survival.warnTokensExpiring();
            expect("authenticated");
            assertThat(panel.requests(key)).isEqualTo(before + 1);
            assertThat(events).doesNotContain("disconnected");
            assertThat(socket.connected()).isTrue();
        }
    }

    @Test
    void reconnectsWithAFreshTokenAfterExpiryOrADrop() throws Exception {
        try (PanelSocket socket = client.openSocket(survival.identifier(), listener, scheduler)) {
            expect("authenticated");
            survival.expireTokens();
            expect("disconnected");
            expect("authenticated");
            survival.dropConnections();
            expect("disconnected");
            expect("authenticated");
            survival.setState(PowerState.RUNNING);
            expect("status:running");
            assertThat(survival.authenticatedConnections()).isEqualTo(1);
        }
    }

    @Test
    void retriesWhileThePanelFailsAndGivesUpWhenTheKeyIsRevoked() throws Exception {
        panel.failNext("client/servers/" + survival.identifier() + "/websocket", 503, 1);
        try (PanelSocket socket = client.openSocket(survival.identifier(), listener, scheduler)) {
            expect("authenticated");
            panel.revokeKey(key);
            survival.expireTokens();
            expect("gave up:Unauthorized");
            assertThat(socket.connected()).isFalse();
        }
    }
}
