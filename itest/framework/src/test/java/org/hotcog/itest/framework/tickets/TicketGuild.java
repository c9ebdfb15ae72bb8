package org.hotcog.itest.framework.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.hotcog.emulator.Category;
import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.HttpAccess;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A guild of the local Discord set up for tickets: a support role with its member, a Discord category for ticket
 * channels, a log channel, and a REST token limited to the guild. Each test makes its own ticket categories.
 */
final class TicketGuild implements AutoCloseable {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final Set<String> COMMANDS = Set.of("new", "close", "forceclose", "claim", "release", "transfer", "add",
            "remove", "rename", "topic", "priority", "move", "tickets", "tag", "tags", "ticketstats", "ticketpanel",
            "ticketcategory", "ticketsettings");
    /** VIEW_CHANNEL, as Discord numbers it. */
    static final long VIEW_CHANNEL = 1L << 10;

    final DiscordFixture fixture;
    final User owner;
    final Role support;
    final User sam;
    final Category ticketsCategory;
    final TextChannel log;
    final HttpAccess api;
    final String token;

    TicketGuild(ConfigurationAdmin configurationAdmin, BundleContext context) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        owner = fixture.guild.owner();
        support = fixture.guild.createRole("Support", 0);
        sam = member("sam");
        fixture.guild.addRole(sam, support);
        ticketsCategory = fixture.guild.createCategory("Tickets");
        log = fixture.guild.createTextChannel("ticket-log");
        fixture.requireCommands(COMMANDS);
        api = HttpAccess.connect(context);
        token = api.createToken("{\"name\": \"tickets-dashboard\", \"role\": \"operator\", \"guilds\": ["
                + fixture.guild.id() + "]}");
        assertThat(run(command(owner, "ticketsettings").subcommand("log-channel").option("channel", log)).embeds()
                .toString()).contains("<#" + log.id() + ">");
    }

    User member(String name) {
        User user = fixture.discord.createUser(name);
        fixture.guild.addMember(user);
        return user;
    }

    CommandInvocation command(User user, String name) {
        return command(user, fixture.general, name);
    }

    CommandInvocation command(User user, TextChannel channel, String name) {
        return fixture.discord.command(user, channel, name);
    }

    Message run(CommandInvocation command) {
        return command.send().awaitReply(WAIT);
    }

    /** A refused request's answer: ephemeral, as every refusal. */
    String refusal(CommandInvocation command) {
        return refusal(command.send());
    }

    static String refusal(InteractionResult result) {
        Message answer = result.awaitReply(WAIT);
        assertThat(answer.ephemeral()).as(answer.content()).isTrue();
        return answer.content();
    }

    /** A REST call with the guild's token that must succeed, as JSON. */
    com.fasterxml.jackson.databind.JsonNode rest(String method, String path, String body) throws Exception {
        java.net.http.HttpResponse<String> response = body == null ? api.send(method, path, token)
                : api.sendJson(method, path, token, body);
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response.body().isEmpty() ? null : new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(response.body());
    }

    /** The guild's part of the tickets API: {@code tickets/<guild>/<path>}. */
    String path(String path) {
        return "tickets/" + fixture.guild.id() + "/" + path;
    }

    /** Makes a ticket category with the given extra options of {@code /ticketcategory create}. */
    void category(String name, Object... options) {
        CommandInvocation create = command(owner, "ticketcategory").subcommand("create").option("name", name)
                .option("staff-roles", "<@&" + support.id() + ">").option("discord-category", ticketsCategory);
        for (int i = 0; i < options.length; i += 2) {
            create = create.option((String) options[i], options[i + 1]);
        }
        assertThat(run(create).content()).startsWith("Ticket category ");
    }

    /** Opens a ticket with {@code /new} (a category without questions) and returns its channel. */
    TextChannel open(User user, String category) {
        Message answer = run(command(user, "new").option("category", category));
        assertThat(answer.content()).as(answer.content()).contains(" is open: <#");
        return channelOf(answer);
    }

    TextChannel channelOf(Message openAnswer) {
        String content = openAnswer.content();
        long id = Long.parseLong(content.substring(content.indexOf("<#") + 2, content.lastIndexOf('>')));
        return fixture.guild.textChannels().stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    /** The first message of {@code channel} that matches, once it has arrived. */
    static Message awaitMessage(TextChannel channel, java.util.function.Predicate<Message> condition) {
        return await(() -> channel.messages().stream().filter(condition).findFirst(), "a message in #" + channel.name());
    }

    static <T> T await(Supplier<Optional<T>> probe, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
        throw new AssertionError("no " + what + " within " + WAIT);
    }

    static void awaitTrue(Supplier<Boolean> condition, String what) {
        await(() -> condition.get() ? Optional.of(true) : Optional.empty(), what);
    }

    /** Whether a user can see a channel, from the permission overwrites the bot set. */
    static boolean sees(TextChannel channel, User user) {
        return (channel.permissionsOf(user) & VIEW_CHANNEL) != 0;
    }

    static InteractionResponse modalOf(InteractionResult opened) {
        InteractionResponse response = opened.awaitResponse(WAIT);
        assertThat(response.type()).as("a modal").isEqualTo(InteractionResponse.MODAL);
        return response;
    }

    List<Message> dmsOf(User user) {
        return fixture.discord.dmsOf(user);
    }

    @Override
    public void close() throws Exception {
        fixture.close();
    }
}
