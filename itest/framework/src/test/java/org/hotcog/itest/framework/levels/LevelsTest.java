package org.hotcog.itest.framework.levels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hotcog.api.economy.EconomyTopics;
import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.HttpAccess;
import org.hotcog.itest.framework.StandardErrorCapture;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Levels as members and admins use them in the local Discord: XP from messages with its cooldown
 * and from coins, level-up announcements and reward roles, /rank and the paged /levels, settings
 * from Discord and REST, and levels working while the economy is stopped.
 */
class LevelsTest {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> COMMANDS = Set.of("rank", "levels", "levelsettings", "eco");
    static DiscordFixture fixture;
    static User owner;
    static HttpAccess api;
    static String token;
    static String settingsPath;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        owner = fixture.guild.owner();
        fixture.requireCommands(COMMANDS);
        api = HttpAccess.connect(context);
        token = api.createToken("{\"name\": \"levels-dashboard\", \"role\": \"operator\", \"guilds\": ["
                + fixture.guild.id() + "]}");
        settingsPath = "levels/" + fixture.guild.id() + "/settings";
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void aMessageGivesXpOncePerCooldownAndBotsGetNone(@InjectService(timeout = 20_000) DataSource database)
            throws Exception {
        User lena = member("lena");
        fixture.general.post(lena, "hello");
        long first = awaitXp(lena, xp -> xp > 0);
        assertThat(first).isBetween(15L, 25L);

        User bot = fixture.discord.createBotUser("otherbot");
        fixture.guild.addMember(bot);
        fixture.general.post(lena, "still me");
        fixture.general.post(bot, "beep");
        // messages are handled in order: once this one counted, the two before it were handled too
        User marc = member("marc");
        fixture.general.post(marc, "hi");
        awaitXp(marc, xp -> xp > 0);
        assertThat(xp(lena)).as("within the cooldown").isEqualTo(first);
        assertThat(xp(bot)).isZero();

        // a minute cannot pass in a test: the last message that gave XP is dated back instead
        backdate(database, lena, Duration.ofSeconds(61));
        fixture.general.post(lena, "a minute later");
        assertThat(awaitXp(lena, xp -> xp > first) - first).isBetween(15L, 25L);
    }

    @Test
    void aLevelUpIsAnnouncedPingingOnlyTheMemberAndGivesTheRewardRole() throws Exception {
        Role regular = fixture.guild.createRoleAtBottom("Regular", 0);
        Role veteran = fixture.guild.createRole("Veteran", 0); // above the bot's own role
        settings(command(owner, "levelsettings").subcommand("reward", "add").option("level", 1)
                .option("role", regular));
        Message shown = settings(command(owner, "levelsettings").subcommand("reward", "add")
                .option("level", 2).option("role", veteran));
        assertThat(shown.embeds().get(0).toString()).contains("level 1: <@&" + regular.id() + ">",
                "level 2: <@&" + veteran.id() + ">");
        try {
            User nora = member("nora");
            give(nora, 900);
            assertThat(awaitXp(nora, xp -> xp == 90)).isEqualTo(90);
            fixture.general.post(nora, "almost there");
            Message announced = await(() -> fixture.general.messages().stream()
                    .filter(m -> m.author().bot() && m.content().contains("<@" + nora.id() + ">")).findFirst());
            assertThat(announced.content()).isEqualTo("🎉 <@" + nora.id() + "> reached level **1**!");
            Map<String, Object> allowed = announced.allowedMentions().orElseThrow();
            assertThat(allowed.get("parse")).asList().isEmpty();
            assertThat(allowed.get("users")).asList().containsExactly(Long.toString(nora.id()));
            await(() -> fixture.guild.rolesOf(nora).contains(regular) ? Optional.of(true) : Optional.empty());

            // level 2's role is above the bot's: it says so in the log, and the level still counts
            try (StandardErrorCapture log = new StandardErrorCapture()) {
                give(nora, 1000);
                give(nora, 1000);
                awaitXp(nora, xp -> xp >= 255);
                await(() -> log.text().contains("Cannot give or take the reward roles Veteran (" + veteran.id()
                        + ") of " + nora.id() + " for level 2 in guild " + fixture.guild.id()
                        + ": they are not below the bot's highest role") ? Optional.of(true) : Optional.empty());
            }
            assertThat(fixture.guild.rolesOf(nora)).containsExactly(regular);
            assertThat(fixture.general.messages().stream().filter(m -> m.content().contains("reached level **2**")))
                    .as("a level-up from coins is announced only in a configured channel").isEmpty();

            TextChannel levelUps = fixture.guild.createTextChannel("level-ups");
            assertThat(settings(command(owner, "levelsettings").subcommand("announce-channel")
                    .option("channel", levelUps)).embeds().get(0).toString()).contains("<#" + levelUps.id() + ">");
            give(nora, 1000);
            give(nora, 1000);
            assertThat(await(() -> levelUps.messages().stream().findFirst()).content())
                    .isEqualTo("🎉 <@" + nora.id() + "> reached level **3**!");
        } finally {
            json(api.sendJson("PUT", settingsPath, token, "{\"rewards\": [], \"announceChannelId\": \"0\"}"));
        }
    }

    @Test
    void rankAndThePagedLevelsShowTheGuildsMembers(@InjectService(timeout = 20_000) EventAdmin events)
            throws Exception {
        json(api.sendJson("PUT", settingsPath, token, "{\"coinsPerXp\": 1, \"maxCoinXp\": 1000}"));
        List<User> talkers = new ArrayList<>();
        try {
            for (int i = 1; i <= 12; i++) {
                User user = member("talker" + i);
                for (int k = 0; k < i; k++) {
                    // the event the economy posts, sent from here: 1,000 XP each at these settings
                    events.sendEvent(new Event(EconomyTopics.COINS_EARNED, Map.of(EconomyTopics.GUILD_ID,
                            fixture.guild.id(), EconomyTopics.USER_ID, user.id(), EconomyTopics.AMOUNT, 1000L,
                            EconomyTopics.SOURCE, "game")));
                }
                talkers.add(user);
            }
        } finally {
            json(api.sendJson("PUT", settingsPath, token, "{\"coinsPerXp\": 10, \"maxCoinXp\": 100}"));
        }
        assertThat(xp(talkers.get(9))).isEqualTo(10_000);
        // level 13 starts at 8,450 XP and takes 1,595
        assertThat(run(command(talkers.get(9), "rank")).content())
                .startsWith("You are level 13 with 10,000 XP (#3 of ").endsWith("): 1,550/1,595 XP to level 14.");
        assertThat(run(command(fixture.alice, "rank").option("member", talkers.get(0))).content())
                .startsWith("**talker1** is level 4 with 1,000 XP (#12 of ");
        assertThat(refusal(command(fixture.alice, "rank").option("member", fixture.discord.botUser())))
                .isEqualTo("Bots earn no XP.");

        Message board = run(command(fixture.alice, "levels"));
        String first = board.embeds().get(0).get("description").toString();
        assertThat(first).startsWith("**1.** <@" + talkers.get(11).id() + "> — level 15 · 12,000 XP\n**2.** <@"
                + talkers.get(10).id());
        assertThat(first.lines()).hasSize(10);
        assertThat(board.customIds()).containsExactly("levels:board:0", "levels:board:2");
        assertThat(fixture.discord.clickButton(fixture.alice, board, "levels:board:2").awaitResponse(WAIT).type())
                .isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        String second = board.embeds().get(0).get("description").toString();
        assertThat(second).startsWith("**11.** <@" + talkers.get(1).id() + "> — level 6 · 2,000 XP\n**12.** <@"
                + talkers.get(0).id() + ">");

        JsonNode leaderboard = json(api.send("GET", "levels/" + fixture.guild.id() + "/leaderboard?limit=2&offset=1",
                token));
        assertThat(leaderboard.path("members")).extracting(m -> m.path("rank").asInt() + " " + m.path("userId")
                .asText()).containsExactly("2 " + talkers.get(10).id(), "3 " + talkers.get(9).id());
        JsonNode one = json(api.send("GET", "levels/" + fixture.guild.id() + "/members/" + talkers.get(9).id(),
                token));
        assertThat(one.path("level").asInt()).isEqualTo(13);
        assertThat(one.path("intoLevel").asLong()).isEqualTo(1550);
        assertThat(api.send("GET", "levels/" + (fixture.guild.id() + 1) + "/leaderboard", token).statusCode())
                .as("the token is for one guild only").isEqualTo(403);
    }

    @Test
    void coinsGiveXpAndBadSettingsAreRefusedWithNothingStored() throws Exception {
        User olga = member("olga");
        give(olga, 500);
        assertThat(awaitXp(olga, xp -> xp == 50)).isEqualTo(50);
        Message changed = settings(command(owner, "levelsettings").subcommand("coin-xp").option("coins-per-xp", 5)
                .option("max-xp", 30));
        assertThat(changed.embeds().get(0).toString()).contains("1 XP per 5 coins, at most 30 at once");
        try {
            give(olga, 500);
            assertThat(awaitXp(olga, xp -> xp == 80)).isEqualTo(80);

            assertThat(refusal(command(owner, "levelsettings").subcommand("reward", "add")
                    .option("level", 3).option("role", fixture.guild.everyoneRole())))
                    .isEqualTo("Everyone has @everyone already: choose another role.");
            assertThatThrownBy(() -> command(owner, "levelsettings").subcommand("cooldown").option("seconds", 1).send())
                    .as("Discord refuses a value below the option's minimum").hasMessageContaining("out of range");
            assertThatThrownBy(() -> command(fixture.alice, "levelsettings").subcommand("show").send())
                    .as("Discord shows /levelsettings to Manage Server only")
                    .hasMessageContaining("lacks the permissions to see /levelsettings");

            JsonNode before = json(api.send("GET", settingsPath, token));
            HttpResponse<String> bad = api.sendJson("PUT", settingsPath, token,
                    "{\"maxCoinXp\": 50, \"cooldownSeconds\": 2}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).path("message").asText())
                    .isEqualTo("cooldownSeconds: the cooldown must be from 5 to 86,400 seconds");
            HttpResponse<String> badRole = api.sendJson("PUT", settingsPath, token,
                    "{\"rewards\": [{\"level\": 2, \"roleId\": \"admins\"}]}");
            assertThat(JSON.readTree(badRole.body()).path("message").asText()).isEqualTo("rewards: must be a role's id");
            HttpResponse<String> twice = api.sendJson("PUT", settingsPath, token, "{\"rewards\": [{\"level\": 2, "
                    + "\"roleId\": \"1\"}, {\"level\": 2, \"roleId\": \"2\"}]}");
            assertThat(JSON.readTree(twice.body()).path("message").asText())
                    .isEqualTo("rewards: level 2 has two reward roles");
            assertThat(json(api.send("GET", settingsPath, token))).isEqualTo(before);

            String reader = api.createToken("{\"name\": \"levels-reader\", \"role\": \"read-only\", \"guilds\": ["
                    + fixture.guild.id() + "]}");
            assertThat(api.sendJson("PUT", settingsPath, reader, "{\"maxCoinXp\": 1}").statusCode()).isEqualTo(403);
            JsonNode saved = json(api.sendJson("PUT", settingsPath, token, "{\"cooldownSeconds\": 30}"));
            assertThat(saved.path("cooldownSeconds").asLong()).isEqualTo(30);
            assertThat(settings(command(owner, "levelsettings").subcommand("show")).embeds().get(0).toString())
                    .contains("30 seconds");
        } finally {
            json(api.sendJson("PUT", settingsPath, token, "{\"coinsPerXp\": 10, \"maxCoinXp\": 100, "
                    + "\"cooldownSeconds\": 60}"));
        }
    }

    @Test
    void levelsKeepWorkingWhileTheEconomyIsStoppedAndTheOtherWayRound(@InjectBundleContext BundleContext context)
            throws Exception {
        Bundle economy = bundle(context, "org.hotcog.economy");
        User pia = member("pia");
        economy.stop();
        try {
            fixture.general.post(pia, "is anyone here?");
            assertThat(awaitXp(pia, xp -> xp > 0)).isBetween(15L, 25L);
            assertThat(run(command(pia, "rank")).content()).startsWith("You are level 0 with ");
        } finally {
            economy.start();
        }
        Bundle levels = bundle(context, "org.hotcog.levels");
        levels.stop();
        try {
            assertThat(fixture.awaitCommands(Set.of("rank", "levels"), false)).contains("eco");
            give(pia, 100);
        } finally {
            levels.start();
            fixture.requireCommands(COMMANDS);
        }
    }

    static Bundle bundle(BundleContext context, String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
    }

    static User member(String name) {
        User user = fixture.discord.createUser(name);
        fixture.guild.addMember(user);
        return user;
    }

    static CommandInvocation command(User user, String name) {
        return fixture.discord.command(user, fixture.general, name);
    }

    static Message run(CommandInvocation command) {
        return command.send().awaitReply(WAIT);
    }

    /** A settings answer: ephemeral, like every answer of /levelsettings. */
    static Message settings(CommandInvocation command) {
        Message answer = run(command);
        assertThat(answer.ephemeral()).as(answer.content()).isTrue();
        assertThat(answer.embeds()).as(answer.content()).isNotEmpty();
        return answer;
    }

    static String refusal(CommandInvocation command) {
        Message answer = run(command);
        assertThat(answer.ephemeral()).as(answer.content()).isTrue();
        return answer.content();
    }

    static void give(User user, long amount) {
        assertThat(run(command(owner, "eco").subcommand("give").option("member", user).option("amount", amount))
                .content()).startsWith("Gave ");
    }

    static long xp(User user) throws Exception {
        return json(api.send("GET", "levels/" + fixture.guild.id() + "/members/" + user.id(), token)).path("xp")
                .asLong();
    }

    /** The member's XP once it satisfies {@code until}; fails after the wait. */
    static long awaitXp(User user, LongPredicate until) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        long xp = xp(user);
        while (!until.test(xp) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            xp = xp(user);
        }
        assertThat(until.test(xp)).as("XP of %s: %d", user.name(), xp).isTrue();
        return xp;
    }

    static <T> T await(Supplier<Optional<T>> found) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        Optional<T> value = found.get();
        while (value.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            value = found.get();
        }
        return value.orElseThrow(() -> new AssertionError("not there after " + WAIT.toSeconds() + " s"));
    }

    private static void backdate(DataSource database, User user, Duration by) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE levels_member SET last_message_at = ? WHERE guild_id = ? AND user_id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(by)));
            update.setLong(2, fixture.guild.id());
            update.setLong(3, user.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
