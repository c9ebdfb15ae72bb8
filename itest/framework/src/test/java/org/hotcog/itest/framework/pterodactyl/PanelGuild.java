package org.hotcog.itest.framework.pterodactyl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.User;
import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A guild of the local Discord with a local panel configured for it, as an operator would in the Web Console: the
 * panel's client key typed in plain, its name "main". Each test adds its own servers.
 */
final class PanelGuild implements AutoCloseable {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final String PANEL_PID = "org.hotcog.pterodactyl.panel";

    final DiscordFixture fixture;
    final LocalPanel panel;
    final User owner;
    final String panelKey;
    final PanelServer lobby;
    final PanelServer survival;
    final PanelServer creative;
    /** Servers the panel's key does not see: members reach them with their own keys. */
    final PanelServer arcade;
    final PanelServer racing;
    final Configuration configuration;

    PanelGuild(ConfigurationAdmin configurationAdmin) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        owner = fixture.guild.owner();
        panel = LocalPanel.start();
        panel.powerDelay(Duration.ofMillis(50));
        lobby = panel.addServer("Lobby", ServerLimits.of(1024, 2048, 100));
        survival = panel.addServer("Survival", ServerLimits.of(4096, 20480, 200));
        creative = panel.addServer("Creative", ServerLimits.of(4096, 20480, 200));
        arcade = panel.addServer("Arcade", ServerLimits.of(1024, 1024, 100));
        racing = panel.addServer("Racing", ServerLimits.of(1024, 1024, 100));
        panelKey = panel.createClientKey(lobby, survival, creative);
        configuration = configurationAdmin.createFactoryConfiguration(PANEL_PID, "?");
        configuration.update(panelProperties(panel.url(), panelKey));
        fixture.requireCommands(Set.of("server", "ptero", "ptero-admin"));
        await(() -> run(command(owner, "server").subcommand("list")).content().contains("Lobby")
                ? Optional.of(true) : Optional.empty(), "the panel in use");
    }

    Dictionary<String, Object> panelProperties(String url, String key) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("name", "main");
        properties.put("url", url);
        properties.put(".clientKey", key);
        properties.put("guilds", new String[] { String.valueOf(fixture.guild.id()) });
        return properties;
    }

    static String ref(PanelServer server) {
        return "main/" + server.identifier();
    }

    User member(String name) {
        User user = fixture.discord.createUser(name);
        fixture.guild.addMember(user);
        return user;
    }

    CommandInvocation command(User user, String name) {
        return fixture.discord.command(user, fixture.general, name);
    }

    Message run(CommandInvocation command) {
        return command.send().awaitReply(WAIT);
    }

    /** A refused request's answer: ephemeral, as every refusal. */
    static String refusal(InteractionResult result) {
        Message answer = result.awaitReply(WAIT);
        assertThat(answer.ephemeral()).as(answer.content()).isTrue();
        return answer.content();
    }

    String refusal(CommandInvocation command) {
        return refusal(command.send());
    }

    /** Polls every 100 ms until the probe finds something, for at most {@link #WAIT}. */
    static <T> T await(Supplier<Optional<T>> probe, String what) {
        java.time.Instant deadline = java.time.Instant.now().plus(WAIT);
        for (Optional<T> found = probe.get();; found = probe.get()) {
            if (found.isPresent()) {
                return found.get();
            }
            if (java.time.Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
        }
    }

    static void awaitTrue(Supplier<Boolean> condition, String what) {
        await(() -> condition.get() ? Optional.of(true) : Optional.empty(), what);
    }

    static List<String> lines(Message message) {
        return List.of(message.content().split("\n"));
    }

    @Override
    public void close() throws Exception {
        try {
            configuration.delete();
        } finally {
            panel.close();
            fixture.close();
        }
    }
}
