package org.hotcog.itest.framework.pterodactyl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.WAIT;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.await;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.awaitTrue;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.ref;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Live status messages fed by the local panel's websocket: edited on a state change or a CPU move past the threshold
 * only, never twice within 5 seconds, forgotten once deleted by hand, and back after the bundle is updated.
 */
class LiveStatusTest {
    static PanelGuild guild;
    static TextChannel status;
    static Configuration statusConfig;
    static BundleContext context;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        statusConfig = configurationAdmin.getConfiguration("org.hotcog.pterodactyl.status", "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("cpuThreshold", 10.0);
        properties.put("forcedIntervalSeconds", 3600);
        properties.put("minIntervalSeconds", 5);
        statusConfig.update(properties);
        guild = new PanelGuild(configurationAdmin);
        guild.panel.statsInterval(Duration.ofMillis(200));
        status = guild.fixture.guild.createTextChannel("server-status");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (guild != null) {
            guild.close();
        }
        if (statusConfig != null) {
            statusConfig.delete();
        }
    }

    private Message post(PanelServer server) {
        Message answer = guild.run(guild.command(guild.owner, "server").subcommand("panel").option("server", ref(server))
                .option("channel", status));
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).isEqualTo("The live status of " + server.name() + " (" + ref(server) + ") is in <#"
                + status.id() + ">.");
        return PanelGuild.await(() -> status.messages().stream().filter(m -> m.customIds().contains(
                "ptero:live:start:" + ref(server))).findFirst(), "the live status message");
    }

    private static String embed(Message message) {
        return message.embeds().toString();
    }

    /** Waits for the message's next edit and returns when it was seen. */
    private static long awaitEdit(Message message, int count) {
        awaitTrue(() -> message.editCount() >= count, "edit " + count + " of the live status message");
        return System.nanoTime();
    }

    @Test
    void theMessageIsEditedOnlyOnChangesAndNeverTwiceWithinFiveSeconds() throws Exception {
        PanelServer lobby = guild.lobby;
        lobby.setState(PowerState.RUNNING);
        lobby.setUsage(10, 256L << 20, 100L << 20);
        Message live = post(lobby);
        assertThat(embed(live)).contains("Running", lobby.address());
        assertThat(live.customIds()).containsExactly("ptero:live:start:" + ref(lobby), "ptero:live:stop:" + ref(lobby),
                "ptero:live:restart:" + ref(lobby), "ptero:live:address:" + ref(lobby),
                "ptero:live:console:" + ref(lobby));

        // stats every 200 ms, CPU moving less than the threshold: no edit
        lobby.setUsage(14, 300L << 20, 100L << 20);
        Thread.sleep(6_000);
        assertThat(live.editCount()).isZero();

        lobby.setUsage(60, 300L << 20, 100L << 20);
        long first = awaitEdit(live, 1);
        assertThat(embed(live)).contains("60.0 % of 1 vCPU");
        lobby.setState(PowerState.OFFLINE);
        long second = awaitEdit(live, 2);
        assertThat(embed(live)).contains("Offline", "attachment://graph.png");
        assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(Duration.ofMillis(4_500));
        assertGraph(live);
        Thread.sleep(6_000);
        assertThat(live.editCount()).as("nothing changed since").isEqualTo(2);

        // the buttons, for whoever may use them
        assertThat(guild.fixture.discord.clickButton(guild.owner, live, "ptero:live:address:" + ref(lobby))
                .awaitReply(WAIT).content()).isEqualTo("Lobby is at `" + lobby.address() + "`.");
        assertThat(guild.fixture.discord.clickButton(guild.owner, live, "ptero:live:start:" + ref(lobby))
                .awaitReply(WAIT).content()).isEqualTo("Sent **start** to Lobby (" + ref(lobby) + ").");
        assertThat(lobby.powerSignals()).containsExactly("start");
        assertThat(PanelGuild.refusal(guild.fixture.discord.clickButton(guild.fixture.alice, live,
                "ptero:live:start:" + ref(lobby)))).startsWith("Unknown server");
        awaitTrue(() -> embed(live).contains("Running"), "the message showing the server running again");

        // deleted by hand: forgotten, not edited again
        live.deleteByUser();
        lobby.setState(PowerState.OFFLINE);
        awaitTrue(() -> !storedMessages().contains(live.id()), "the deleted message forgotten");
    }

    @Test
    void messagesComeBackAfterTheBundleIsUpdated() throws Exception {
        PanelServer creative = guild.creative;
        creative.setState(PowerState.OFFLINE);
        Message live = post(creative);
        assertThat(embed(live)).contains("Offline");

        Bundle feature = Arrays.stream(context.getBundles())
                .filter(b -> "org.hotcog.pterodactyl".equals(b.getSymbolicName())).findFirst().orElseThrow();
        feature.update();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(feature), e -> refreshed.countDown());
        refreshed.await();
        assertThat(storedMessages()).contains(live.id());

        int before = live.editCount();
        creative.setState(PowerState.RUNNING);
        creative.setUsage(150, 1L << 30, 1L << 30);
        await(() -> live.editCount() > before && embed(live).contains("Running") ? Optional.of(true)
                : Optional.empty(), "the message edited by the updated bundle");
        assertThat(embed(live)).contains("75.0 % of 2 vCPU");
    }

    /**
     * Tokens of 4 seconds, warned of 2 seconds before their end: the socket re-authenticates on {@code token
     * expiring} again and again, and reconnects with a fresh token on {@code token expired}; the message goes on
     * following the stats all along.
     */
    @Test
    void theMessageKeepsFollowingTheStatsWhenTheWebsocketTokenExpires() throws Exception {
        PanelServer tokens = guild.panel.addServer("Tokens", ServerLimits.of(1024, 1024, 100));
        guild.panel.grant(guild.panelKey, tokens);
        // the bot keeps the key's list of servers 30 s: until it reads it again the server is unknown
        long listed = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!guild.run(guild.command(guild.owner, "server").subcommand("list")).content().contains(ref(tokens))) {
            assertThat(System.nanoTime()).as("the new server listed within 45 s").isLessThan(listed);
            Thread.sleep(1_000);
        }
        tokens.setState(PowerState.RUNNING);
        tokens.setUsage(10, 256L << 20, 1L << 20);
        guild.panel.tokenLifetime(Duration.ofSeconds(4));
        guild.panel.expiringWindow(Duration.ofSeconds(2));
        guild.panel.tokenCheckInterval(Duration.ofMillis(500));
        try {
            Message live = post(tokens);
            // the message's watch opens the socket on the live status' next round
            awaitTrue(() -> tokens.authenticatedConnections() == 1, "the socket authenticated");
            long requests = guild.panel.requests(guild.panelKey);
            // two lifetimes of a token, and some: at least two tokens ran out and were replaced by then
            long renewed = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (guild.panel.requests(guild.panelKey) < requests + 2 && System.nanoTime() < renewed) {
                Thread.sleep(250);
            }
            assertThat(guild.panel.requests(guild.panelKey)).as("fresh tokens asked for")
                    .isGreaterThanOrEqualTo(requests + 2);
            tokens.setUsage(60, 256L << 20, 1L << 20);
            awaitTrue(() -> embed(live).contains("60.0 % of 1 vCPU"), "the stats after the token's renewals");
            int edits = live.editCount();

            tokens.expireTokens();
            awaitTrue(() -> tokens.authenticatedConnections() == 1, "the socket authenticated again");
            tokens.setUsage(90, 256L << 20, 1L << 20);
            await(() -> live.editCount() > edits && embed(live).contains("90.0 % of 1 vCPU") ? Optional.of(true)
                    : Optional.empty(), "the stats after the token expired");
            assertThat(tokens.authenticatedConnections()).as("one socket, none left behind").isEqualTo(1);
            assertThat(storedMessages()).contains(live.id());
            assertThat(status.messages().stream().filter(m -> m.customIds().contains("ptero:live:start:"
                    + ref(tokens))).map(Message::id)).as("the same message, not a new one").containsExactly(live.id());
        } finally {
            guild.panel.tokenLifetime(Duration.ofMinutes(10));
            guild.panel.expiringWindow(Duration.ofMinutes(1));
            guild.panel.tokenCheckInterval(Duration.ofSeconds(30));
        }
    }

    @Test
    void graphsShowTheHistoryOfAServer() throws Exception {
        PanelServer survival = guild.survival;
        survival.setState(PowerState.RUNNING);
        survival.setUsage(120, 3L << 30, 1L << 30);
        Message first = guild.run(guild.command(guild.owner, "server").subcommand("graph").option("server",
                ref(survival)));
        assertThat(embed(first)).contains("The history starts now", "attachment://graph.png");
        assertGraph(first);
        Thread.sleep(2_000);
        Message later = guild.run(guild.command(guild.owner, "server").subcommand("graph").option("server",
                ref(survival)));
        assertThat(embed(later)).contains("The last 10 minutes.");
        assertGraph(later);
        assertThat(PanelGuild.refusal(guild.command(guild.fixture.alice, "server").subcommand("graph")
                .option("server", ref(survival)).send())).startsWith("Unknown server");
    }

    /** The message carries the graph: a PNG that decodes, of the size the renderer draws. */
    private static void assertGraph(Message message) throws java.io.IOException {
        org.hotcog.emulator.Attachment graph = message.attachments().stream()
                .filter(a -> a.filename().equals("graph.png")).findFirst().orElseThrow();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(graph.data()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(800);
        assertThat(image.getHeight()).isEqualTo(450);
    }

    private static List<Long> storedMessages() {
        var reference = context.getServiceReference(DataSource.class);
        DataSource dataSource = context.getService(reference);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT message_id FROM ptero_status_message")) {
            List<Long> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
            return ids;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        } finally {
            context.ungetService(reference);
        }
    }
}
