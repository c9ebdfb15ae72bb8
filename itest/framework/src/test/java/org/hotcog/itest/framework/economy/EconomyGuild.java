package org.hotcog.itest.framework.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Set;

import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.HttpAccess;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A guild of the local Discord with the core connected to it and the economy's commands in
 * place, its owner, and a REST token limited to it; members are created as each test needs them.
 */
final class EconomyGuild implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> COMMANDS = Set.of("balance", "daily", "pay", "leaderboard", "eco", "ecosettings", "shop",
            "shopadmin", "buy", "inventory", "coinflip", "slots");

    final DiscordFixture fixture;
    final User owner;
    final HttpAccess api;
    final String token;

    EconomyGuild(ConfigurationAdmin configurationAdmin, BundleContext context) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        owner = fixture.guild.owner();
        fixture.requireCommands(COMMANDS);
        api = HttpAccess.connect(context);
        token = api.createToken("{\"name\": \"economy-dashboard\", \"role\": \"operator\", \"guilds\": ["
                + fixture.guild.id() + "]}");
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
        return command.send().awaitReply(DiscordFixture.WAIT);
    }

    /** A refused command's answer: ephemeral, as every refusal. */
    String refusal(CommandInvocation command) {
        Message answer = run(command);
        assertThat(answer.ephemeral()).as(answer.content()).isTrue();
        return answer.content();
    }

    void give(User user, long amount) {
        assertThat(run(command(owner, "eco").subcommand("give").option("member", user).option("amount", amount))
                .content()).startsWith("Gave ");
    }

    long balance(User user) throws Exception {
        return get("economy/" + fixture.guild.id() + "/members/" + user.id()).path("balance").asLong();
    }

    /** A REST GET with the guild's token, which must succeed. */
    JsonNode get(String path) throws Exception {
        return json(api.send("GET", path, token));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        fixture.close();
    }
}
