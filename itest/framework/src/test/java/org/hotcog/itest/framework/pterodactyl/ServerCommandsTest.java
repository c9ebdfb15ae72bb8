package org.hotcog.itest.framework.pterodactyl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.WAIT;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.awaitTrue;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.ref;
import static org.hotcog.itest.framework.pterodactyl.PanelGuild.refusal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.hotcog.api.pterodactyl.PterodactylTopics;
import org.hotcog.emulator.Choice;
import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.User;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.hotcog.itest.framework.StandardErrorCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The /server, /ptero and /ptero-admin commands as admins and members use them in the local Discord against the
 * local panel: access by role and by a member's own key, power with confirmations, console commands and output,
 * the audit and its events, and every refusal (no permission, unknown server, 429, panel down, a revoked key), with
 * no key ever in an answer, the log or the database.
 */
class ServerCommandsTest {
    static PanelGuild guild;
    static PanelServer survival;
    static PanelServer creative;
    static PanelServer arcade;
    static BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    static ServiceRegistration<EventHandler> listener;
    static StandardErrorCapture log;
    static List<Message> answers = new ArrayList<>();
    static ConfigurationAdmin configurations;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        log = new StandardErrorCapture();
        configurations = configurationAdmin;
        guild = new PanelGuild(configurationAdmin);
        survival = guild.survival;
        creative = guild.creative;
        arcade = guild.arcade;
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "bot/pterodactyl/*");
        listener = context.registerService(EventHandler.class, events::add, properties);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (listener != null) {
            listener.unregister();
        }
        if (guild != null) {
            guild.close();
        }
        if (log != null) {
            log.close();
        }
    }

    private Message run(org.hotcog.emulator.CommandInvocation command) {
        Message answer = guild.run(command);
        answers.add(answer);
        return answer;
    }

    private Event awaitEvent(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && event.getTopic().equals(topic)) {
                return event;
            }
        }
        throw new AssertionError("no " + topic);
    }

    @Test
    void anAdminListsWatchesAndControlsTheServersWithConfirmationsAndAnAudit() throws Exception {
        User owner = guild.owner;
        Message list = run(guild.command(owner, "server").subcommand("list"));
        assertThat(list.ephemeral()).isTrue();
        assertThat(list.content()).contains("Survival — `" + ref(survival) + "` — control", "Creative", "Lobby")
                .doesNotContain("Arcade");

        List<Choice> choices = guild.command(owner, "server").subcommand("status").autocomplete("server", "surv");
        assertThat(choices).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Survival (" + ref(survival) + ")");
            assertThat(c.value()).isEqualTo(ref(survival));
        });

        survival.setState(PowerState.RUNNING);
        survival.setUsage(150, 2L << 30, 5L << 30);
        awaitTrue(() -> run(guild.command(owner, "server").subcommand("status").option("server", ref(survival)))
                .embeds().toString().contains("75.0 % of 2 vCPU"), "the status with CPU scaled to the vCPU limit");
        Message status = run(guild.command(owner, "server").subcommand("status").option("server", "survival"));
        assertThat(status.embeds().get(0).toString()).contains("Running", "2.0 GiB / 4.0 GiB", "5.0 GiB / 20.0 GiB",
                survival.address());

        // restart at once; stop only after the confirmation
        Message restarted = run(guild.command(owner, "server").subcommand("power").option("server", ref(survival))
                .option("action", "restart"));
        assertThat(restarted.content()).isEqualTo("<@" + owner.id() + "> sent **restart** to Survival ("
                + ref(survival) + ").");
        Event power = awaitEvent(PterodactylTopics.POWER);
        assertThat(power.getProperty(PterodactylTopics.SIGNAL)).isEqualTo("restart");
        assertThat(power.getProperty(PterodactylTopics.USER_ID)).isEqualTo(owner.id());
        assertThat(power.getProperty(PterodactylTopics.GUILD_ID)).isEqualTo(guild.fixture.guild.id());
        assertThat(power.getProperty(PterodactylTopics.SERVER_ID)).isEqualTo(survival.identifier());
        assertThat(power.getProperty(PterodactylTopics.OUTCOME)).isEqualTo("ok");
        assertThat(power.getProperty(PterodactylTopics.MEMBER_KEY)).isEqualTo(false);

        Message ask = run(guild.command(owner, "server").subcommand("power").option("server", ref(survival))
                .option("action", "kill"));
        assertThat(ask.ephemeral()).isTrue();
        assertThat(ask.content()).startsWith("Kill Survival (" + ref(survival) + ")?");
        assertThat(survival.powerSignals()).containsExactly("restart");
        guild.fixture.discord.clickButton(owner, ask, "ptero:power:cancel:" + ref(survival)).awaitResponse(WAIT);
        assertThat(survival.powerSignals()).containsExactly("restart");
        Message stop = run(guild.command(owner, "server").subcommand("power").option("server", ref(survival))
                .option("action", "stop"));
        InteractionResult confirmed = guild.fixture.discord.clickButton(owner, stop,
                "ptero:power:stop:" + ref(survival));
        assertThat(confirmed.awaitFollowUps(1, WAIT).get(0).content()).contains("sent **stop** to Survival");
        assertThat(survival.powerSignals()).containsExactly("restart", "stop");
        awaitEvent(PterodactylTopics.POWER);

        String audit = run(guild.command(owner, "ptero-admin").subcommand("audit")).content();
        assertThat(audit).contains("power `stop` → Survival (" + ref(survival) + "): ok",
                "power `restart` → Survival");
    }

    @Test
    void consoleCommandsGoThroughAFormAndTheConsoleShowsTheLatestLines() throws Exception {
        User owner = guild.owner;
        creative.setState(PowerState.RUNNING);
        creative.consoleLine("[Server] Done (3.2s)! For help, type \"help\"");
        InteractionResult opened = guild.command(owner, "server").subcommand("command").option("server", ref(creative))
                .send();
        InteractionResponse modal = opened.awaitResponse(WAIT);
        assertThat(modal.type()).isEqualTo(InteractionResponse.MODAL);
        Message sent = guild.fixture.discord.submitModal(owner, opened, modal.modal().customId(),
                Map.of("command", "say Hello players")).awaitReply(WAIT);
        assertThat(sent.content()).isEqualTo("Sent `say Hello players` to Creative (" + ref(creative) + ").");
        assertThat(creative.commandsReceived()).containsExactly("say Hello players");
        Event command = awaitEvent(PterodactylTopics.COMMAND);
        assertThat(command.getProperty(PterodactylTopics.COMMAND_TEXT)).isEqualTo("say Hello players");

        creative.consoleLine("[Server] Hello players");
        Message console = run(guild.command(owner, "server").subcommand("console").option("server", ref(creative)));
        assertThat(console.ephemeral()).isTrue();
        assertThat(console.content()).startsWith("Console of Creative").contains("Done (3.2s)", "[Server] Hello players");

        // a stopped server takes no command: the panel's refusal, in the member's words
        creative.setState(PowerState.OFFLINE);
        InteractionResult again = guild.command(owner, "server").subcommand("command").option("server", ref(creative))
                .send();
        assertThat(refusal(guild.fixture.discord.submitModal(owner, again, again.awaitResponse(WAIT).modal()
                .customId(), Map.of("command", "list")))).isEqualTo("Creative (" + ref(creative)
                        + ") is not running; start it first.");
        assertThat(awaitEvent(PterodactylTopics.COMMAND).getProperty(PterodactylTopics.OUTCOME))
                .isEqualTo("server-offline");
    }

    @Test
    void rolesGetWhatTheRulesGiveAndNoMore() {
        User carol = guild.member("carol");
        Role players = guild.fixture.guild.createRole("Players", 0);
        assertThat(guild.refusal(guild.command(carol, "server").subcommand("status").option("server", ref(lobby()))))
                .startsWith("Unknown server: " + ref(lobby()));
        assertThatThrownBy(() -> guild.command(carol, "ptero-admin").subcommand("rules").send())
                .as("hidden from members without Manage Server").isInstanceOf(IllegalStateException.class);

        guild.fixture.guild.addRole(carol, players);
        assertThat(run(guild.command(guild.owner, "ptero-admin").subcommand("grant").option("role", players)
                .option("level", "view").option("server", ref(lobby()))).content())
                .isEqualTo("<@&" + players.id() + "> may now view " + ref(lobby()) + ".");
        assertThat(run(guild.command(carol, "server").subcommand("status").option("server", ref(lobby()))).embeds())
                .hasSize(1);
        assertThat(run(guild.command(carol, "server").subcommand("list")).content()).contains("Lobby")
                .doesNotContain("Survival");
        assertThat(guild.refusal(guild.command(carol, "server").subcommand("power").option("server", ref(lobby()))
                .option("action", "start"))).isEqualTo("You may view Lobby (" + ref(lobby())
                        + ") but not use its power, commands or console.");

        run(guild.command(guild.owner, "ptero-admin").subcommand("grant").option("role", players)
                .option("level", "control").option("server", "main/*"));
        assertThat(run(guild.command(carol, "server").subcommand("power").option("server", ref(lobby()))
                .option("action", "start")).content()).contains("sent **start** to Lobby");
        assertThat(run(guild.command(guild.owner, "ptero-admin").subcommand("rules")).content())
                .contains("<@&" + players.id() + ">: view " + ref(lobby()), "control all servers of main");
        run(guild.command(guild.owner, "ptero-admin").subcommand("revoke").option("role", players)
                .option("server", "main/*"));
        assertThat(guild.refusal(guild.command(carol, "server").subcommand("console").option("server", ref(lobby()))))
                .startsWith("You may view Lobby");
    }

    private static PanelServer lobby() {
        return guild.lobby;
    }

    @Test
    void aMemberWithTheirOwnKeyControlsExactlyItsServersUntilTheKeyIsRevoked() throws Exception {
        User bob = guild.member("bob");
        assertThat(guild.refusal(guild.command(bob, "server").subcommand("status").option("server", ref(arcade))))
                .startsWith("Unknown server");

        // a key the panel does not know is not stored
        InteractionResult wrong = guild.command(bob, "ptero").subcommand("link").send();
        assertThat(refusal(guild.fixture.discord.submitModal(bob, wrong, wrong.awaitResponse(WAIT).modal().customId(),
                Map.of("key", "ptlc_" + "x".repeat(43))))).startsWith("The panel main refused this key");
        InteractionResult bad = guild.command(bob, "ptero").subcommand("link").send();
        assertThat(refusal(guild.fixture.discord.submitModal(bob, bad, bad.awaitResponse(WAIT).modal().customId(),
                Map.of("key", "ptla_" + "x".repeat(43))))).startsWith("That is not a client API key");

        String bobsKey = guild.panel.createClientKey(arcade);
        InteractionResult link = guild.command(bob, "ptero").subcommand("link").send();
        Message linked = guild.fixture.discord.submitModal(bob, link, link.awaitResponse(WAIT).modal().customId(),
                Map.of("key", bobsKey)).awaitReply(WAIT);
        answers.add(linked);
        assertThat(linked.content()).isEqualTo("Your key for the panel main is linked and stored encrypted. You "
                + "control the 1 server it sees: Arcade.");
        assertThat(storedKeys(bob)).singleElement().asString().startsWith("hsec1:").doesNotContain(bobsKey);

        assertThat(run(guild.command(bob, "server").subcommand("list")).content())
                .contains("Arcade — `" + ref(arcade) + "` — control (your key)").doesNotContain("Survival");
        assertThat(run(guild.command(bob, "server").subcommand("power").option("server", ref(arcade))
                .option("action", "start")).content()).contains("sent **start** to Arcade");
        assertThat(arcade.powerSignals()).containsExactly("start");
        assertThat(awaitEvent(PterodactylTopics.POWER).getProperty(PterodactylTopics.MEMBER_KEY)).isEqualTo(true);
        assertThat(guild.refusal(guild.command(bob, "server").subcommand("status").option("server", ref(survival))))
                .startsWith("Unknown server");

        guild.panel.revokeKey(bobsKey);
        assertThat(guild.refusal(guild.command(bob, "server").subcommand("power").option("server", ref(arcade))
                .option("action", "restart"))).isEqualTo("The panel main refused your linked key: it was revoked or "
                        + "deleted. Link a new one with /ptero link.");
        assertThat(run(guild.command(bob, "ptero").subcommand("unlink")).content())
                .isEqualTo("Your key for the panel main is deleted.");
        assertThat(storedKeys(bob)).isEmpty();
        assertThat(guild.refusal(guild.command(bob, "ptero").subcommand("unlink")))
                .isEqualTo("You have no key linked for the panel main.");

        assertThat(log.text()).as("no key in the log").doesNotContain(bobsKey, guild.panelKey);
        assertThat(answers).as("no key in an answer").allSatisfy(a -> assertThat(a.content() + a.embeds())
                .doesNotContain(bobsKey, guild.panelKey));
    }

    /**
     * Panels "nodes" (with an application key) and "lost" (whose application key is revoked once it is in use) on
     * the same local panel as "main" (without one).
     */
    @Test
    void aPanelWithAnApplicationKeyShowsTheNodeOfItsServers() throws Exception {
        String applicationKey = guild.panel.createApplicationKey();
        String lostKey = guild.panel.createApplicationKey();
        PanelServer nodeServer = guild.panel.addServer("Nodes", ServerLimits.of(1024, 1024, 100));
        guild.panel.grant(guild.panelKey, nodeServer);
        Configuration nodes = panelWithApplicationKey("nodes", applicationKey);
        Configuration lost = panelWithApplicationKey("lost", lostKey);
        try {
            awaitTrue(() -> {
                String list = run(guild.command(guild.owner, "server").subcommand("list")).content();
                return list.contains("`nodes/" + nodeServer.identifier()) && list.contains("`lost/");
            }, "the panels nodes and lost in use");
            String lobby = guild.lobby.identifier();
            String withNode = status("nodes/" + lobby);
            assertThat(withNode).contains("Node", "local-node · This machine", guild.lobby.address());
            assertThat(status("main/" + lobby)).as("no application key: no node").contains(guild.lobby.address())
                    .doesNotContain("local-node");

            // a live status message shows the node too, and its edits ask the panel nothing more
            nodeServer.setState(PowerState.RUNNING);
            nodeServer.setUsage(10, 256L << 20, 1L << 20);
            run(guild.command(guild.owner, "server").subcommand("panel").option("server",
                    "nodes/" + nodeServer.identifier()));
            Message live = PanelGuild.await(() -> guild.fixture.general.messages().stream().filter(m -> m.customIds()
                    .contains("ptero:live:start:nodes/" + nodeServer.identifier())).findFirst(), "the live message");
            assertThat(live.embeds().toString()).contains("local-node · This machine");
            long applicationRequests = guild.panel.requests(applicationKey);
            nodeServer.setUsage(80, 256L << 20, 1L << 20);
            awaitTrue(() -> live.editCount() >= 1 && live.embeds().toString().contains("80.0 % of 1 vCPU"),
                    "the live message edited");
            assertThat(live.embeds().toString()).contains("local-node · This machine");
            assertThat(guild.panel.requests(applicationKey)).as("edits use the cached node")
                    .isEqualTo(applicationRequests);

            // an Application API that refuses its key: the status goes without the node, said once in the log
            guild.panel.revokeKey(lostKey);
            for (int i = 0; i < 2; i++) {
                assertThat(status("lost/" + lobby)).contains("State", guild.lobby.address())
                        .doesNotContain("local-node");
            }
            String warning = "The Application API of panel lost failed";
            assertThat(log.text().split(warning, -1)).as("one warning").hasSize(2);
            assertThat(log.text()).doesNotContain(applicationKey, lostKey);
        } finally {
            nodes.delete();
            lost.delete();
        }
    }

    private Configuration panelWithApplicationKey(String name, String applicationKey) throws Exception {
        Dictionary<String, Object> properties = guild.panelProperties(guild.panel.url(), guild.panelKey);
        properties.put("name", name);
        properties.put(".applicationKey", applicationKey);
        Configuration configuration = configurations.createFactoryConfiguration(PanelGuild.PANEL_PID, "?");
        configuration.update(properties);
        return configuration;
    }

    private String status(String ref) {
        Message answer = run(guild.command(guild.owner, "server").subcommand("status").option("server", ref));
        assertThat(answer.embeds()).as(answer.content()).hasSize(1);
        return answer.embeds().get(0).toString();
    }

    @Test
    void aDownPanelIsSaidSo() {
        String resources = "client/servers/" + guild.lobby.identifier() + "/resources";
        // the first try and its three retries
        guild.panel.failNext(resources, 503, 4);
        // after the retries the core has deferred the (public) status answer: the refusal replaces it, privately
        Message refusal = guild.command(guild.owner, "server").subcommand("status").option("server", ref(guild.lobby))
                .send().awaitFollowUps(1, WAIT).get(0);
        assertThat(refusal.content()).isEqualTo("The panel main cannot be reached right now; try again later.");
        assertThat(refusal.ephemeral()).isTrue();
        assertThat(guild.refusal(guild.command(guild.owner, "server").subcommand("status").option("server",
                "main/nope"))).startsWith("Unknown server: main/nope.");
        assertThat(guild.refusal(guild.command(guild.owner, "server").subcommand("status").option("server",
                "other/" + guild.lobby.identifier()))).startsWith("Unknown server: other/");
    }

    /** With a member's own key, since a 429 holds every request of the key back for its Retry-After. */
    @Test
    void aRateLimitedPanelIsSaidSo() {
        User dave = guild.member("dave");
        String key = guild.panel.createClientKey(guild.racing);
        InteractionResult link = guild.command(dave, "ptero").subcommand("link").option("panel", "main").send();
        guild.fixture.discord.submitModal(dave, link, link.awaitResponse(WAIT).modal().customId(), Map.of("key", key))
                .awaitReply(WAIT);
        guild.panel.rateLimitNext("client/servers/" + guild.racing.identifier() + "/resources", Duration.ofSeconds(90),
                1);
        assertThat(guild.refusal(guild.command(dave, "server").subcommand("status").option("server",
                ref(guild.racing)))).matches("The panel main is rate limiting requests; try again in (89|90) s\\.");
        assertThat(guild.refusal(guild.command(dave, "server").subcommand("power").option("server", ref(guild.racing))
                .option("action", "start"))).startsWith("The panel main is rate limiting requests");
        assertThat(guild.racing.powerSignals()).as("held back, not sent").isEmpty();
    }

    private static List<String> storedKeys(User user) throws Exception {
        BundleContext context = org.osgi.framework.FrameworkUtil.getBundle(ServerCommandsTest.class).getBundleContext();
        var reference = context.getServiceReference(DataSource.class);
        DataSource dataSource = context.getService(reference);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT sealed_key FROM ptero_member_key WHERE user_id = "
                        + user.id())) {
            List<String> keys = new ArrayList<>();
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
            return keys;
        } finally {
            context.ungetService(reference);
        }
    }
}
