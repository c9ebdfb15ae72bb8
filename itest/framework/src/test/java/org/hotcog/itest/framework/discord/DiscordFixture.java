package org.hotcog.itest.framework.discord;

import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Set;
import java.util.stream.Collectors;

import org.hotcog.emulator.ApplicationCommand;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.LocalDiscord;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A local Discord with a guild, a channel and a member, and the core connected to it through
 * ConfigAdmin, exactly as hotcog.properties would configure a Discord-compatible server. Public for
 * the tests of feature modules in other packages.
 */
public final class DiscordFixture implements AutoCloseable {
    public static final String DISCORD_PID = "org.hotcog.core.discord";
    public static final Duration WAIT = Duration.ofSeconds(20);

    public final LocalDiscord discord;
    public final Guild guild;
    public final TextChannel general;
    public final User alice;
    private final ConfigurationAdmin configurationAdmin;

    public DiscordFixture(ConfigurationAdmin configurationAdmin) throws Exception {
        this.configurationAdmin = configurationAdmin;
        this.discord = LocalDiscord.start();
        this.guild = discord.createGuild("Test guild");
        this.general = guild.createTextChannel("general");
        this.alice = discord.createUser("alice");
        guild.addMember(alice);
        connect();
    }

    /** Points the core at the local Discord; the connection comes up and syncs commands. */
    void connect() throws Exception {
        Dictionary<String, Object> config = new Hashtable<>();
        config.put(".token", discord.botToken());
        config.put("apiUrl", discord.restUrl());
        config.put("gatewayUrl", discord.gatewayUrl());
        configurationAdmin.getConfiguration(DISCORD_PID, "?").update(config);
    }

    /** Takes the connection down, as removing the token from the configuration would. */
    void disconnect() throws Exception {
        Configuration configuration = configurationAdmin.getConfiguration(DISCORD_PID, "?");
        if (configuration.getProperties() != null) {
            configuration.delete();
        }
    }

    /** Waits until Discord holds exactly a set of commands that includes {@code names}. */
    public Set<String> awaitCommands(Set<String> names, boolean present) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        Set<String> registered = registered();
        while (System.currentTimeMillis() < deadline
                && (present ? !registered.containsAll(names) : names.stream().anyMatch(registered::contains))) {
            Thread.sleep(50);
            registered = registered();
        }
        return registered;
    }

    /**
     * Waits for a new session to be up: interactions created before the bot identifies are not
     * delivered to it, as on Discord.
     */
    void awaitIdentified(int identifies) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (discord.identifies() < identifies && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // READY and GUILD_CREATE are processed before JDA hands out interactions
    }

    Set<String> registered() {
        return discord.registeredCommands().stream().map(ApplicationCommand::name).collect(Collectors.toSet());
    }

    @Override
    public void close() throws Exception {
        disconnect();
        discord.close();
    }
}
