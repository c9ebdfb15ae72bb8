package org.hotcog.emulator.internal.offline;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.emulator.ai.LocalAiProvider;
import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.PowerState;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offline mode: with no Discord token configured, the core publishes this component's
 * configuration; it starts a local Discord with a demo guild on 127.0.0.1 and points the core's
 * connection at it, so the bot does its job (and the playground shows it) with nothing from the
 * internet. It also starts the local AI providers and configures the AI module's provider "demo" on
 * them, so that AI answers work with no key, and a local Pterodactyl panel with a few busy game servers,
 * configured as the Pterodactyl module's panel "demo" for the demo guild, so that the server commands
 * and live status messages have something to show. When a token is configured, the configuration goes
 * away and so do the local Discord, the local providers and the local panel.
 */
@Component(service = OfflineDiscord.class, configurationPid = OfflineDiscord.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
public final class OfflineDiscord {
    public static final String PID = "org.hotcog.emulator.offline";
    static final String DISCORD_PID = "org.hotcog.core.discord";
    /** The AI module's provider factory configuration, and the name of the demo provider in it. */
    static final String AI_PROVIDER_PID = "org.hotcog.ai.provider";
    static final String AI_DEMO_PROVIDER = "demo";
    /** The Pterodactyl module's panel factory configuration, and the name of the demo panel in it. */
    static final String PANEL_PID = "org.hotcog.pterodactyl.panel";
    static final String DEMO_PANEL = "demo";
    /** How often the demo servers' load moves, so that live status messages and graphs have something to show. */
    private static final long DEMO_ACTIVITY_SECONDS = 3;
    /** The demo's answers come word by word, as a real model's do, so streaming shows in the playground. */
    private static final Duration DEMO_TOKEN_DELAY = Duration.ofMillis(40);
    private static final Logger LOG = LoggerFactory.getLogger(OfflineDiscord.class);

    private final LocalDiscord discord;
    private final LocalAiProvider ai;
    private final ConfigurationAdmin configurationAdmin;
    private final DemoGuild demo;
    private final LocalPanel panel;
    private final ScheduledExecutorService activity;

    @Activate
    public OfflineDiscord(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) throws IOException {
        this.configurationAdmin = configurationAdmin;
        this.discord = LocalDiscord.start();
        this.demo = DemoGuild.seed(discord);
        Dictionary<String, Object> connection = new Hashtable<>();
        connection.put(".token", discord.botToken());
        connection.put("apiUrl", discord.restUrl());
        connection.put("gatewayUrl", discord.gatewayUrl());
        configurationAdmin.getConfiguration(DISCORD_PID, "?").update(connection);
        this.ai = LocalAiProvider.start();
        ai.tokenDelay(DEMO_TOKEN_DELAY);
        Dictionary<String, Object> provider = new Hashtable<>();
        provider.put("name", AI_DEMO_PROVIDER);
        provider.put("kind", "openai");
        provider.put("baseUrl", ai.openAiBaseUrl());
        provider.put(".apiKey", ai.apiKey());
        provider.put("defaultModel", "local-vision");
        provider.put("timeoutSeconds", 30);
        configurationAdmin.getFactoryConfiguration(AI_PROVIDER_PID, AI_DEMO_PROVIDER, "?").update(provider);
        this.panel = LocalPanel.start();
        this.activity = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hotcog-demo-panel");
            thread.setDaemon(true);
            return thread;
        });
        configurationAdmin.getFactoryConfiguration(PANEL_PID, DEMO_PANEL, "?").update(demoPanel(panel, activity,
                demo.guild().id()));
        String host = property(context, "org.apache.felix.http.host", "127.0.0.1");
        String port = property(context, "org.osgi.service.http.port", "8080");
        LOG.info("Offline mode: no Discord token is configured, so the bot runs on a local Discord with the "
                + "guild \"{}\". Try it in the playground: http://{}:{}/playground", demo.guild().name(), host, port);
    }

    @Deactivate
    void deactivate() throws IOException {
        Configuration connection = configurationAdmin.getConfiguration(DISCORD_PID, "?");
        if (connection.getProperties() != null && discord.botToken().equals(connection.getProperties().get(".token"))) {
            connection.delete();
        }
        // the keys are stored sealed by now: the local services' URLs tell the demo configurations apart
        Configuration provider = configurationAdmin.getFactoryConfiguration(AI_PROVIDER_PID, AI_DEMO_PROVIDER, "?");
        if (provider.getProperties() != null && ai.openAiBaseUrl().equals(provider.getProperties().get("baseUrl"))) {
            provider.delete();
        }
        Configuration demoPanel = configurationAdmin.getFactoryConfiguration(PANEL_PID, DEMO_PANEL, "?");
        if (demoPanel.getProperties() != null && panel.url().equals(demoPanel.getProperties().get("url"))) {
            demoPanel.delete();
        }
        activity.shutdownNow();
        panel.close();
        ai.close();
        discord.close();
    }

    /**
     * Fills the local panel with three game servers, two of them running with a load that moves every few seconds
     * and a console that talks, and returns the panel configuration for the demo guild.
     */
    static Dictionary<String, Object> demoPanel(LocalPanel panel, ScheduledExecutorService activity, long guildId) {
        PanelServer survival = panel.addServer("Survival", ServerLimits.of(4096, 20480, 200));
        PanelServer creative = panel.addServer("Creative", ServerLimits.of(2048, 10240, 100));
        PanelServer modded = panel.addServer("Modded", ServerLimits.of(8192, 40960, 400));
        survival.setState(PowerState.RUNNING);
        creative.setState(PowerState.RUNNING);
        List<PanelServer> running = List.of(survival, creative);
        Random random = new Random(42);
        activity.scheduleAtFixedRate(() -> {
            for (PanelServer server : running) {
                if (server.state() == PowerState.RUNNING) {
                    double share = 0.15 + 0.6 * random.nextDouble();
                    server.setUsage(share * server.limits().cpuPercent(),
                            (long) ((0.3 + 0.4 * random.nextDouble()) * server.limits().memoryMb()) << 20,
                            (long) (0.2 * server.limits().diskMb()) << 20);
                    if (random.nextInt(4) == 0) {
                        server.consoleLine("[Server thread/INFO]: " + (1 + random.nextInt(12)) + " players online");
                    }
                }
            }
        }, 0, DEMO_ACTIVITY_SECONDS, TimeUnit.SECONDS);
        Dictionary<String, Object> config = new Hashtable<>();
        config.put("name", DEMO_PANEL);
        config.put("url", panel.url());
        config.put(".clientKey", panel.createClientKey(survival, creative, modded));
        config.put("guilds", new String[] { String.valueOf(guildId) });
        return config;
    }

    /** The local Discord, for the playground. */
    public LocalDiscord discord() {
        return discord;
    }

    public DemoGuild demo() {
        return demo;
    }

    private static String property(BundleContext context, String key, String fallback) {
        String value = context.getProperty(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The demo guild: channels, a moderator role and a few members to play as. */
    public record DemoGuild(Guild guild, TextChannel general, TextChannel botCommands, User owner, User moderator,
            User member) {
        /** Permission bits: kick, ban, manage messages, moderate members. */
        static final long MODERATION = (1L << 1) | (1L << 2) | (1L << 13) | (1L << 40);

        static DemoGuild seed(LocalDiscord discord) {
            Guild guild = discord.createGuild("Hotcog Demo");
            TextChannel general = guild.createTextChannel("general");
            TextChannel botCommands = guild.createTextChannel("bot-commands");
            Role moderators = guild.createRole("Moderators", MODERATION);
            User moderator = discord.createUser("mod-mia");
            User member = discord.createUser("alice");
            guild.addMember(moderator);
            guild.addMember(member);
            guild.addRole(moderator, moderators);
            return new DemoGuild(guild, general, botCommands, guild.owner(), moderator, member);
        }
    }
}
