package org.hotcog.itest.framework.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.moderation.ModerationGuild.WAIT;
import static org.hotcog.itest.framework.moderation.ModerationGuild.caseNumber;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.hotcog.api.moderation.ModerationTopics;
import org.hotcog.emulator.CommandInvocation;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.HttpAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Moderation seen from outside Discord: the REST API with a token limited to the guild, the
 * events other bundles receive, warnings that expire, case numbers under concurrency, and a
 * module update between two commands.
 */
class ModerationApiTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static ModerationGuild mod;
    static HttpAccess api;
    static String token;
    static BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    static ServiceRegistration<EventHandler> listener;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        mod = new ModerationGuild(configurationAdmin);
        api = HttpAccess.connect(context);
        token = api.createToken("{\"name\": \"moderation-dashboard\", \"role\": \"operator\", \"guilds\": ["
                + mod.guild.id() + "]}");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, ModerationTopics.CASE_CREATED);
        listener = context.registerService(EventHandler.class, events::add, properties);
    }

    @AfterAll
    static void tearDown() throws Exception {
        listener.unregister();
        mod.close();
    }

    @Test
    void casesAndWarningsThroughRestWithAGuildLimitedToken() throws Exception {
        User mia = mod.member("mia");
        int warn = caseNumber(mod.run(mod.command(mod.moderator, "warn").option("member", mia).option("points", 2)
                .option("reason", "Spam")));
        int ban = caseNumber(mod.run(mod.command(mod.moderator, "ban").option("user", mia).option("duration", "2h")));

        String base = "moderation/" + mod.guild.id() + "/";
        JsonNode bans = json(api.send("GET", base + "cases?action=ban&target=" + mia.id(), token));
        assertThat(bans.path("cases")).hasSize(1);
        JsonNode banCase = bans.path("cases").get(0);
        assertThat(banCase.path("number").asInt()).isEqualTo(ban);
        assertThat(banCase.path("targetId").asText()).isEqualTo(Long.toString(mia.id()));
        assertThat(banCase.path("moderatorId").asText()).isEqualTo(Long.toString(mod.moderator.id()));
        assertThat(banCase.path("durationSeconds").asLong()).isEqualTo(7200);
        assertThat(banCase.path("automatic").asBoolean()).isFalse();

        JsonNode byModerator = json(api.send("GET", base + "cases?moderator=" + mod.moderator.id() + "&limit=1", token));
        assertThat(byModerator.path("cases").get(0).path("number").asInt()).isEqualTo(ban);
        int nextBefore = byModerator.path("nextBefore").asInt();
        JsonNode nextPage = json(api.send("GET", base + "cases?moderator=" + mod.moderator.id() + "&limit=1&before="
                + nextBefore, token));
        assertThat(nextPage.path("cases").get(0).path("number").asInt()).isEqualTo(warn);

        assertThat(json(api.send("GET", base + "cases/" + warn, token)).path("reason").asText()).isEqualTo("Spam");
        HttpResponse<String> missing = api.send("GET", base + "cases/99999", token);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("error").asText()).isEqualTo("not_found");
        HttpResponse<String> badFilter = api.send("GET", base + "cases?action=mute", token);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badFilter.body()).path("message").asText()).startsWith("action: must be one of");

        JsonNode warnings = json(api.send("GET", base + "warnings/" + mia.id(), token));
        assertThat(warnings.path("activePoints").asInt()).isEqualTo(2);
        assertThat(warnings.path("warnings").get(0).path("warnCase").path("number").asInt()).isEqualTo(warn);

        assertThat(api.send("GET", "moderation/" + (mod.guild.id() + 1) + "/cases", token).statusCode()).isEqualTo(403);
    }

    @Test
    void settingsAreValidatedWholeAndABadValueChangesNothing() throws Exception {
        String path = "moderation/" + mod.guild.id() + "/settings";
        JsonNode before = json(api.send("GET", path, token));
        assertThat(before.path("warningExpiry").asText()).isEqualTo("never");

        HttpResponse<String> bad = api.sendJson("PUT", path, token, "{\"requireReason\": true, \"thresholds\": "
                + "[{\"points\": 3, \"action\": \"kick\"}, {\"points\": 5, \"action\": \"timeout\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("message").asText()).startsWith("thresholds[1].duration: a timeout needs a duration");
        HttpResponse<String> badExpiry = api.sendJson("PUT", path, token, "{\"warningExpiry\": \"soon\"}");
        assertThat(badExpiry.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badExpiry.body()).path("message").asText()).startsWith("warningExpiry: \"soon\" is not a duration");
        assertThat(json(api.send("GET", path, token))).isEqualTo(before);

        JsonNode saved = json(api.sendJson("PUT", path, token, "{\"warningExpiry\": \"30d\", \"thresholds\": "
                + "[{\"points\": 10, \"action\": \"ban\", \"duration\": \"7d\"}]}"));
        assertThat(saved.path("warningExpiry").asText()).isEqualTo("30d");
        assertThat(saved.path("thresholds").get(0).path("duration").asText()).isEqualTo("7d");
        assertThat(saved.path("requireReason").asBoolean()).isFalse();
        try {
            assertThat(json(api.send("GET", path, token))).isEqualTo(saved);
        } finally {
            api.sendJson("PUT", path, token, "{\"warningExpiry\": \"never\", \"thresholds\": []}");
        }
    }

    @Test
    void expiredWarningsStopCounting(@InjectService(timeout = 20_000) DataSource database) throws Exception {
        String path = "moderation/" + mod.guild.id() + "/settings";
        api.sendJson("PUT", path, token, "{\"warningExpiry\": \"30d\"}");
        try {
            User noah = mod.member("noah");
            int old = caseNumber(mod.run(mod.command(mod.moderator, "warn").option("member", noah).option("points", 2)));
            mod.run(mod.command(mod.moderator, "warn").option("member", noah));
            // 30 days cannot pass in a test: the first warning is dated back past its expiry instead.
            try (Connection c = database.getConnection(); PreparedStatement backdate = c.prepareStatement(
                    "UPDATE moderation_warning SET expires_at = ? WHERE guild_id = ? AND case_number = ?")) {
                backdate.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(60)));
                backdate.setLong(2, mod.guild.id());
                backdate.setInt(3, old);
                assertThat(backdate.executeUpdate()).isEqualTo(1);
            }
            Message listed = mod.run(mod.command(noah, "warnings"));
            assertThat(listed.embeds().get(0).get("description").toString()).startsWith("Active points: **1** from 1 of 2");
            assertThat(listed.embeds().get(0).toString()).contains("expired").contains("active, expires <t:");
            JsonNode warnings = json(api.send("GET", "moderation/" + mod.guild.id() + "/warnings/" + noah.id(), token));
            assertThat(warnings.path("activePoints").asInt()).isEqualTo(1);
        } finally {
            api.sendJson("PUT", path, token, "{\"warningExpiry\": \"never\"}");
        }
    }

    @Test
    void eachNewCaseIsAnEventForOtherBundles() throws Exception {
        User olga = mod.member("olga");
        int number = caseNumber(mod.run(mod.command(mod.moderator, "timeout").option("member", olga)
                .option("duration", "5m").option("reason", "flood")));
        // events are posted asynchronously: one of an earlier test's cases may still arrive first
        Event event;
        do {
            event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        } while (event != null && !Long.valueOf(olga.id()).equals(event.getProperty(ModerationTopics.TARGET_ID)));
        assertThat(event).isNotNull();
        assertThat(event.getProperty(ModerationTopics.GUILD_ID)).isEqualTo(mod.guild.id());
        assertThat(event.getProperty(ModerationTopics.CASE_NUMBER)).isEqualTo(number);
        assertThat(event.getProperty(ModerationTopics.ACTION)).isEqualTo("timeout");
        assertThat(event.getProperty(ModerationTopics.TARGET_ID)).isEqualTo(olga.id());
        assertThat(event.getProperty(ModerationTopics.MODERATOR_ID)).isEqualTo(mod.moderator.id());
        assertThat(event.getProperty(ModerationTopics.AUTOMATIC)).isEqualTo(false);
        assertThat(event.getProperty(ModerationTopics.REASON)).isEqualTo("flood");
        assertThat(event.getProperty(ModerationTopics.DURATION_SECONDS)).isEqualTo(300L);
    }

    @Test
    void concurrentModeratorsGetConsecutiveCaseNumbers() throws Exception {
        List<User> targets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            targets.add(mod.member("crowd" + i));
        }
        ExecutorService moderators = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> numbers = new ArrayList<>();
            for (User target : targets) {
                numbers.add(moderators.submit(() -> caseNumber(mod.run(mod.command(mod.moderator, "warn")
                        .option("member", target)))));
            }
            List<Integer> got = new ArrayList<>();
            for (Future<Integer> number : numbers) {
                got.add(number.get());
            }
            int lowest = got.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertThat(got).containsExactlyInAnyOrder(lowest, lowest + 1, lowest + 2, lowest + 3, lowest + 4,
                    lowest + 5, lowest + 6, lowest + 7);
        } finally {
            moderators.shutdownNow();
        }
    }

    @Test
    void anUpdateOfTheModuleBetweenTwoCommandsLosesNoCaseAndNoTimer(@InjectBundleContext BundleContext context,
            @InjectService(timeout = 20_000) DataSource database) throws Exception {
        User quinn = mod.member("quinn");
        mod.run(mod.command(mod.moderator, "ban").option("user", quinn).option("duration", "1h"));
        Long unbanDue = unbanDue(database, quinn);
        assertThat(unbanDue).as("the temporary ban's end is scheduled").isNotNull();
        User pete = mod.member("pete");
        int before = caseNumber(mod.run(mod.command(mod.moderator, "warn").option("member", pete).option("reason", "a")));

        Bundle moderation = List.of(context.getBundles()).stream()
                .filter(b -> "org.hotcog.moderation".equals(b.getSymbolicName())).findFirst().orElseThrow();
        // update in place from the bundle's location, then refresh so that the new revision is wired
        moderation.update();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Set.of(moderation), e -> refreshed.countDown());
        assertThat(refreshed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(moderation.getState()).isEqualTo(Bundle.ACTIVE);

        Message after = awaitAnswer(() -> mod.command(mod.moderator, "warn").option("member", pete)
                .option("reason", "b"));
        assertThat(caseNumber(after)).isEqualTo(before + 1);
        JsonNode warnings = json(api.send("GET", "moderation/" + mod.guild.id() + "/warnings/" + pete.id(), token));
        assertThat(warnings.path("activePoints").asInt()).isEqualTo(2);
        assertThat(warnings.path("warnings")).extracting(w -> w.path("warnCase").path("number").asInt())
                .containsExactly(before + 1, before);
        assertThat(unbanDue(database, quinn)).as("the same end after the update").isEqualTo(unbanDue);
    }

    /** When the scheduled end of the user's temporary ban is due (epoch millis), or null if none is scheduled. */
    private static Long unbanDue(DataSource database, User user) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(
                "SELECT due_at FROM hotcog_job WHERE module = 'moderation' AND kind = 'unban' AND job_key = ?")) {
            select.setString(1, mod.guild.id() + ":" + user.id());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /**
     * Runs a command as soon as Discord offers it again: the command sync after an update may take
     * it out for a moment.
     */
    private static Message awaitAnswer(Supplier<CommandInvocation> command) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (true) {
            try {
                return command.get().send().awaitReply(WAIT);
            } catch (IllegalArgumentException notRegistered) {
                if (System.currentTimeMillis() > deadline) {
                    throw notRegistered;
                }
                Thread.sleep(100);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return JSON.readTree(response.body());
    }
}
