package org.hotcog.itest.framework.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcog.itest.framework.moderation.ModerationGuild.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.HttpAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The automod as members meet it in the local Discord: blocked words and patterns, invite links,
 * mention spam and message spam, each rule with its action and its case in the modlog; members who
 * are exempt; the raid guard's strict mode from its start to its end; and its settings over REST.
 */
class AutomodTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static ModerationGuild mod;
    static TextChannel modlog;
    static HttpAccess api;
    static String token;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        mod = new ModerationGuild(configurationAdmin);
        modlog = mod.guild.createTextChannel("mod-log");
        mod.run(mod.command(mod.owner, "modlog").subcommand("set").option("channel", modlog));
        api = HttpAccess.connect(context);
        token = api.createToken("{\"name\": \"automod-dashboard\", \"role\": \"operator\", \"guilds\": ["
                + mod.guild.id() + "]}");
    }

    @AfterAll
    static void tearDown() throws Exception {
        mod.close();
    }

    /** Every test starts from the defaults: all rules off, no lists. */
    @AfterEach
    void resetAutomod() throws Exception {
        json(api.sendJson("PUT", "moderation/" + mod.guild.id() + "/automod", token, "{\"rules\": {"
                + "\"spam\": {\"enabled\": false, \"action\": \"delete\", \"limit\": 5, \"window\": 5},"
                + "\"mentions\": {\"enabled\": false, \"action\": \"delete\", \"limit\": 5},"
                + "\"invites\": {\"enabled\": false, \"action\": \"delete\"},"
                + "\"words\": {\"enabled\": false, \"action\": \"delete\"},"
                + "\"raid\": {\"enabled\": false, \"limit\": 10, \"window\": 10}},"
                + "\"blockedWords\": [], \"blockedPatterns\": [], \"allowedInvites\": [], \"timeout\": \"10m\"}"));
    }

    @Test
    void aBlockedWordIsRemovedAsACaseInTheModlogAndOnlyAsAWholeWord() throws Exception {
        automod("words", "change", "add", "term", "Darn");
        Message shown = automod("rule", "rule", "words", "enabled", true);
        assertThat(shown.embeds().get(0).toString()).contains("on, delete").contains("darn");

        User gus = mod.member("gus");
        Message fine = mod.fixture.general.post(gus, "darning socks is a craft");
        Message bad = mod.fixture.general.post(gus, "oh DARN it");
        await("the message with the blocked word is removed", bad::deleted);
        Message post = awaitModlog("Delete | Case #", gus);
        assertThat(post.embeds().get(0).get("fields").toString()).contains("blocked word in #general")
                .contains("Automod: words");
        assertThat(fine.deleted()).isFalse();
    }

    @Test
    void aBlockedPatternWithTheTimeoutActionTimesTheAuthorOut() throws Exception {
        automod("patterns", "change", "add", "term", "fr[e3]+\\s*n[i1]tro");
        automod("timeout", "duration", "1h");
        automod("rule", "rule", "words", "enabled", true, "action", "timeout");

        User hal = mod.member("hal");
        Message bad = mod.fixture.general.post(hal, "get FR33 N1TRO here");
        await("the message is removed", bad::deleted);
        await("the author is timed out", () -> mod.guild.member(hal).timeoutUntil().isPresent());
        assertThat(mod.guild.member(hal).timeoutUntil().orElseThrow())
                .isBetween(Instant.now().plus(Duration.ofMinutes(55)), Instant.now().plus(Duration.ofMinutes(61)));
        assertThat(awaitModlog("Timeout | Case #", hal).embeds().get(0).get("fields").toString())
                .contains("blocked pattern");
    }

    @Test
    void aPatternThatIsNoRegularExpressionIsRefused() {
        Message refused = mod.run(mod.command(mod.owner, "automod").subcommand("patterns").option("change", "add")
                .option("term", "(unclosed"));
        assertThat(refused.content()).startsWith("\"(unclosed\" is not a regular expression: ");
        assertThat(automod("show").embeds().get(0).toString()).contains("0 patterns");
    }

    @Test
    void inviteLinksAreRemovedWithAWarningUnlessAllowed() throws Exception {
        automod("invites", "change", "add", "term", "hotcog");
        automod("rule", "rule", "invites", "enabled", true, "action", "warn");

        User ida = mod.member("ida");
        Message allowed = mod.fixture.general.post(ida, "our home: discord.gg/hotcog");
        Message other = mod.fixture.general.post(ida, "join https://discord.com/invite/Xy12ab now");
        await("the foreign invite is removed", other::deleted);
        Message warned = awaitModlog("Warn | Case #", ida);
        assertThat(warned.embeds().get(0).get("fields").toString()).contains("invite link discord.gg/Xy12ab");
        Message warnings = mod.run(mod.command(mod.moderator, "warnings").option("member", ida));
        assertThat(warnings.embeds().get(0).get("description").toString()).startsWith("Active points: **1**");
        assertThat(allowed.deleted()).isFalse();
    }

    @Test
    void tooManyMentionsInOneMessageAreRemoved() throws Exception {
        automod("mentions", "limit", 3);
        automod("rule", "rule", "mentions", "enabled", true);
        User jo = mod.member("jo");
        List<User> others = List.of(mod.member("m1"), mod.member("m2"), mod.member("m3"));
        Message two = mod.fixture.general.post(jo, "<@" + others.get(0).id() + "> <@" + others.get(1).id() + "> hi");
        Message three = mod.fixture.general.post(jo, others.stream().map(u -> "<@" + u.id() + ">")
                .reduce("", String::concat));
        await("the message with three mentions is removed", three::deleted);
        assertThat(awaitModlog("Delete | Case #", jo).embeds().get(0).get("fields").toString())
                .contains("3 mentions in one message");
        assertThat(two.deleted()).isFalse();
    }

    @Test
    void aBurstOfMessagesIsSpamAndEveryMessageOfItGoes() throws Exception {
        automod("spam", "limit", 4, "seconds", 10);
        automod("rule", "rule", "spam", "enabled", true);
        User kim = mod.member("kim");
        TextChannel other = mod.guild.createTextChannel("other");
        List<Message> burst = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            burst.add(mod.fixture.general.post(kim, "buy " + i));
        }
        burst.add(other.post(kim, "buy 3"));
        for (Message message : burst) {
            await("every message of the burst is removed, in both channels", message::deleted);
        }
        assertThat(awaitModlog("Delete | Case #", kim).embeds().get(0).get("fields").toString())
                .contains("4 messages in 10s in #general, #other");
    }

    @Test
    void moderatorsAndTheOwnerAreExempt() throws Exception {
        automod("words", "change", "add", "term", "heck");
        automod("rule", "rule", "words", "enabled", true);
        Message byModerator = mod.fixture.general.post(mod.moderator, "what the heck");
        Message byOwner = mod.fixture.general.post(mod.owner, "heck yes");
        Message byMember = mod.fixture.general.post(mod.member("lou"), "heck no");
        await("the member's message is removed", byMember::deleted);
        assertThat(byModerator.deleted()).isFalse();
        assertThat(byOwner.deleted()).isFalse();
    }

    @Test
    void aRaidTurnsOnStrictModeThatTimesOutJoinersUntilItEnds() throws Exception {
        automod("raid", "limit", 3, "seconds", 30, "strict-for", "1m");
        automod("rule", "rule", "raid", "enabled", true);
        List<User> raiders = List.of(mod.member("raider1"), mod.member("raider2"), mod.member("raider3"));

        Message on = awaitNotice("Raid guard: strict mode on");
        assertThat(on.embeds().get(0).get("description").toString()).startsWith("3 members joined within 30 seconds.");
        for (User raider : raiders) {
            await(raider.name() + " is timed out", () -> mod.guild.member(raider).timeoutUntil().isPresent());
        }
        JsonNode automod = json(api.send("GET", "moderation/" + mod.guild.id() + "/automod", token));
        assertThat(automod.path("strictUntil").isNull()).isFalse();

        User late = mod.member("late");
        await("a member joining in strict mode is timed out", () -> mod.guild.member(late).timeoutUntil().isPresent());
        assertThat(mod.guild.member(late).timeoutUntil().orElseThrow()).isBefore(Instant.now().plus(Duration.ofMinutes(2)));

        // strict mode lasts a minute: its end is a durable job of the guild
        long deadline = System.currentTimeMillis() + Duration.ofMinutes(3).toMillis();
        while (findNotice("Raid guard: strict mode off").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(findNotice("Raid guard: strict mode off")).as("the modlog is told when strict mode ends").isPresent();
        assertThat(json(api.send("GET", "moderation/" + mod.guild.id() + "/automod", token)).path("strictUntil")
                .isNull()).isTrue();
        User after = mod.member("after");
        Thread.sleep(1_000);
        assertThat(mod.guild.member(after).timeoutUntil()).as("no timeout once strict mode is off").isEmpty();
    }

    @Test
    void settingsOverRestAreValidatedWholeAndABadValueChangesNothing() throws Exception {
        String path = "moderation/" + mod.guild.id() + "/automod";
        JsonNode before = json(api.send("GET", path, token));
        assertThat(before.path("rules").path("spam").path("enabled").asBoolean()).isFalse();

        HttpResponse<String> badLimit = api.sendJson("PUT", path, token, "{\"blockedWords\": [\"x\"], "
                + "\"rules\": {\"spam\": {\"enabled\": true, \"limit\": 1}}}");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badLimit.body()).path("message").asText())
                .isEqualTo("rules.spam.limit: must be from 2 to 50 messages");
        HttpResponse<String> badPattern = api.sendJson("PUT", path, token, "{\"blockedPatterns\": [\"[a-\"]}");
        assertThat(badPattern.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPattern.body()).path("message").asText())
                .startsWith("blockedPatterns: \"[a-\" is not a regular expression");
        HttpResponse<String> badRule = api.sendJson("PUT", path, token, "{\"rules\": {\"caps\": {\"enabled\": true}}}");
        assertThat(badRule.statusCode()).isEqualTo(400);
        HttpResponse<String> badInvite = api.sendJson("PUT", path, token, "{\"allowedInvites\": [\"not a code\"]}");
        assertThat(JSON.readTree(badInvite.body()).path("message").asText())
                .startsWith("allowedInvites: \"not a code\" is not an invite code");
        assertThat(json(api.send("GET", path, token))).isEqualTo(before);

        JsonNode saved = json(api.sendJson("PUT", path, token, "{\"rules\": {\"spam\": {\"enabled\": true, "
                + "\"action\": \"timeout\", \"limit\": 6, \"window\": 8}}, \"blockedWords\": [\"Spoon\"], "
                + "\"timeout\": \"2h\"}"));
        assertThat(saved.path("rules").path("spam").path("action").asText()).isEqualTo("timeout");
        assertThat(saved.path("rules").path("spam").path("window").asInt()).isEqualTo(8);
        assertThat(saved.path("rules").path("words").path("enabled").asBoolean()).isFalse();
        assertThat(saved.path("blockedWords")).extracting(JsonNode::asText).containsExactly("spoon");
        assertThat(saved.path("timeout").asText()).isEqualTo("2h");
        assertThat(json(api.send("GET", path, token))).isEqualTo(saved);
        assertThat(automod("show").embeds().get(0).toString()).contains("6 messages in 8s");

        assertThat(api.send("GET", "moderation/" + (mod.guild.id() + 1) + "/automod", token).statusCode())
                .isEqualTo(403);
    }

    @Test
    void discordShowsTheAutomodCommandToManageServerOnly() {
        assertThatThrownBy(() -> mod.command(mod.fixture.alice, "automod").subcommand("show").send())
                .hasMessageContaining("lacks the permissions to see /automod");
    }

    /** Runs {@code /automod <sub> name value ...} as the owner; the answer shows the automod. */
    private static Message automod(String subcommand, Object... options) {
        var command = mod.command(mod.owner, "automod").subcommand(subcommand);
        for (int i = 0; i < options.length; i += 2) {
            command = command.option((String) options[i], options[i + 1]);
        }
        Message answer = mod.run(command);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.embeds()).as(answer.content()).isNotEmpty();
        return answer;
    }

    private static Message awaitModlog(String titleStart, User target) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ModerationGuild.WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (Message post : modlog.messages()) {
                Map<String, Object> embed = post.embeds().isEmpty() ? Map.of() : post.embeds().get(0);
                if (String.valueOf(embed.get("title")).startsWith(titleStart)
                        && String.valueOf(embed.get("fields")).contains("<@" + target.id() + ">")) {
                    return post;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no \"" + titleStart + "\" about " + target.name() + " in the modlog");
    }

    private static Message awaitNotice(String title) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ModerationGuild.WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Optional<Message> found = findNotice(title);
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no \"" + title + "\" in the modlog");
    }

    private static Optional<Message> findNotice(String title) {
        return modlog.messages().stream()
                .filter(post -> !post.embeds().isEmpty() && title.equals(post.embeds().get(0).get("title")))
                .findFirst();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
