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
        awaitIdentified(1);
    }

    /** Points the core at the local Discord; the connection comes up and syncs commands globally. */
    void connect() throws Exception {
        connect(new long[0]);
    }

    /** Points the core at the local Discord, syncing commands to {@code devGuilds} (if any) instead of globally. */
    void connect(long[] devGuilds) throws Exception {
        Dictionary<String, Object> config = new Hashtable<>();
        config.put(".token", discord.botToken());
        config.put("apiUrl", discord.restUrl());
        config.put("gatewayUrl", discord.gatewayUrl());
        config.put("devGuilds", devGuilds);
        configurationAdmin.getConfiguration(DISCORD_PID, "?").update(config);
    }

    /** Takes the connection down, as removing the token from the configuration would. */
    void disconnect() throws Exception {
        Configuration configuration = configurationAdmin.getConfiguration(DISCORD_PID, "?");
        if (configuration.getProperties() != null) {
            configuration.delete();
        }
    }

    /** Takes the connection down and connects again with {@code devGuilds}, until the new session is up. */
    public void reconnect(long[] devGuilds) throws Exception {
        int identifies = discord.identifies();
        disconnect();
        Thread.sleep(500);
        connect(devGuilds);
        awaitIdentified(identifies + 1);
    }

    /** Waits until Discord's global commands include all of {@code names} (present) or none of them. */
    public Set<String> awaitCommands(Set<String> names, boolean present) throws InterruptedException {
        return awaitCommands(null, names, present);
    }

    /** Waits until Discord's global commands include all of {@code names}, failing if they do not in time. */
    public void requireCommands(Set<String> names) throws InterruptedException {
        Set<String> registered = awaitCommands(names, true);
        if (!registered.containsAll(names)) {
            throw new AssertionError("after " + WAIT.toSeconds() + " s Discord holds " + registered
                    + ", not all of " + names + "; the command sync was at:\n" + stackOf("hotcog-command-sync"));
        }
    }

    /** Where the named threads of the bot are now: the bot runs in this JVM. */
    private static String stackOf(String threadName) {
        StringBuilder stacks = new StringBuilder();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().equals(threadName)) {
                stacks.append(thread).append(' ').append(thread.getState()).append('\n');
                for (StackTraceElement frame : stack) {
                    stacks.append("    at ").append(frame).append('\n');
                }
            }
        });
        return stacks.length() == 0 ? "no thread " + threadName : stacks.toString();
    }

    /**
     * Waits until the commands Discord holds for {@code guild} (null: the global ones) include all of
     * {@code names} (present) or none of them (not present); returns them as they are then.
     */
    public Set<String> awaitCommands(Guild guild, Set<String> names, boolean present) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        Set<String> registered = registered(guild);
        while (System.currentTimeMillis() < deadline
                && (present ? !registered.containsAll(names) : names.stream().anyMatch(registered::contains))) {
            Thread.sleep(50);
            registered = registered(guild);
        }
        return registered;
    }

    /**
     * Waits for a new session to be up: interactions created before the bot identifies are not
     * delivered to it, as on Discord.
     */
    private void awaitIdentified(int identifies) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (discord.identifies() < identifies && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500); // READY and GUILD_CREATE are processed before JDA hands out interactions
    }

    /** The names of the commands Discord holds for {@code guild}, or the global ones for null. */
    Set<String> registered(Guild guild) {
        return (guild == null ? discord.registeredCommands() : discord.registeredCommands(guild)).stream()
                .map(ApplicationCommand::name).collect(Collectors.toSet());
    }

    /**
     * Takes the connection down and waits until the bot has closed its gateway connection before the
     * local Discord goes: a bot that lost its server first would be shutting down mid-reconnect.
     */
    @Override
    public void close() throws Exception {
        disconnect();
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (discord.gatewayConnections() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        discord.close();
    }
}
