package org.hotcog.itest.framework.moderation;

import java.time.Duration;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.Guild;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A guild of the local Discord set up for moderation, with the core connected to it: the owner,
 * a moderator with the Kick, Ban, Timeout, Manage Messages and Manage Channels permissions, a senior
 * member whose role is above the moderators' and the bot's, and members created as each test needs them.
 */
final class ModerationGuild implements AutoCloseable {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final Set<String> COMMANDS = Set.of("kick", "ban", "unban", "softban", "timeout", "untimeout", "warn",
            "unwarn", "warnings", "case", "modlog", "modsettings", "purge", "slowmode", "lock", "unlock", "automod");
    static final long KICK_MEMBERS = 1L << 1;
    static final long BAN_MEMBERS = 1L << 2;
    static final long MANAGE_CHANNELS = 1L << 4;
    static final long ADD_REACTIONS = 1L << 6;
    static final long SEND_MESSAGES = 1L << 11;
    static final long MANAGE_MESSAGES = 1L << 13;
    static final long MODERATE_MEMBERS = 1L << 40;
    private static final Pattern CASE_NUMBER = Pattern.compile("\\(case #(\\d+)\\)");

    final DiscordFixture fixture;
    final Guild guild;
    final User owner;
    final User moderator;
    final User senior;
    final Role moderators;

    ModerationGuild(ConfigurationAdmin configurationAdmin) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        guild = fixture.guild;
        owner = guild.owner();
        // Roles are created above the existing ones: both end up above the bot's own role.
        moderators = guild.createRole("Moderators", KICK_MEMBERS | BAN_MEMBERS | MODERATE_MEMBERS | MANAGE_MESSAGES
                | MANAGE_CHANNELS);
        Role seniors = guild.createRole("Seniors", 0);
        moderator = member("mod");
        guild.addRole(moderator, moderators);
        senior = member("senior");
        guild.addRole(senior, seniors);
        fixture.requireCommands(COMMANDS);
    }

    /** A new member without roles. */
    User member(String name) {
        User user = fixture.discord.createUser(name);
        guild.addMember(user);
        return user;
    }

    CommandInvocation command(User user, String name) {
        return fixture.discord.command(user, fixture.general, name);
    }

    CommandInvocation commandIn(TextChannel channel, User user, String name) {
        return fixture.discord.command(user, channel, name);
    }

    /** Waits until {@code condition} holds, failing with {@code what} if it does not within {@link #WAIT}. */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("after " + WAIT.toSeconds() + " s, still not: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Runs the command and waits for its answer. */
    Message run(CommandInvocation command) {
        return command.send().awaitReply(WAIT);
    }

    /** The case number an answer names, as in "(case #12)". */
    static int caseNumber(Message answer) {
        Matcher matcher = CASE_NUMBER.matcher(answer.content());
        if (!matcher.find()) {
            throw new AssertionError("no case number in: " + answer.content());
        }
        return Integer.parseInt(matcher.group(1));
    }

    @Override
    public void close() throws Exception {
        fixture.close();
    }
}
