package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /api/command-log}: the newest interactions first, found by the reference an error reply shows, by guild,
 * member, module and outcome, a page at a time; bad parameters are a 400 naming them, and only admins read it.
 */
class CommandLogApiTest {
    /** Discord's epoch: snowflakes count milliseconds from it. */
    private static final long DISCORD_EPOCH = 1_420_070_400_000L;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    DataSource database;

    private final long guild = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
    private final long otherGuild = guild + 1;
    private final long alice = guild + 2;
    private final long bob = guild + 3;
    private final List<Long> ids = new ArrayList<>();
    private final List<String> references = new ArrayList<>();
    private HttpAccess api;

    @BeforeEach
    void insertRows() throws Exception {
        api = HttpAccess.connect(context);
        long now = System.currentTimeMillis();
        insert(now - 240_000, guild, alice, "itest", "/first", "OK", null);
        insert(now - 180_000, guild, bob, "itest", "/second", "FAILED", "java.lang.IllegalStateException: boom");
        insert(now - 120_000, guild, alice, "other", "/third", "REFUSED", null);
        insert(now - 60_000, otherGuild, alice, "itest", "/elsewhere", "OK", null);
    }

    @AfterEach
    void deleteRows() throws Exception {
        try (Connection c = database.getConnection(); Statement delete = c.createStatement()) {
            delete.executeUpdate("DELETE FROM hotcog_command_log WHERE guild_id IN (" + guild + ", " + otherGuild + ")");
        }
    }

    @Test
    void filtersFindTheirRowsNewestFirst() throws Exception {
        assertThat(commands("command-log?guild=" + guild)).containsExactly("/third", "/second", "/first");
        assertThat(commands("command-log?guild=" + guild + "&user=" + alice)).containsExactly("/third", "/first");
        assertThat(commands("command-log?user=" + alice + "&module=itest")).startsWith("/elsewhere", "/first");
        assertThat(commands("command-log?guild=" + guild + "&outcome=refused")).containsExactly("/third");

        JsonNode failed = api.json("GET", "command-log?guild=" + guild + "&outcome=FAILED").get(0);
        assertThat(failed.path("id").asLong()).isEqualTo(ids.get(1));
        assertThat(failed.path("correlationId").asText()).isEqualTo(references.get(1));
        assertThat(failed.path("guildId").asText()).isEqualTo(Long.toString(guild));
        assertThat(failed.path("userId").asText()).isEqualTo(Long.toString(bob));
        assertThat(failed.path("module").asText()).isEqualTo("itest");
        assertThat(failed.path("latencyMs").asInt()).isEqualTo(42);
        assertThat(failed.path("error").asText()).contains("boom");
        assertThat(failed.path("at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    @Test
    void theReferenceOfAnErrorReplyFindsItsInteraction() throws Exception {
        JsonNode found = api.json("GET", "command-log?correlation=" + references.get(1));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("command").asText()).isEqualTo("/second");
        assertThat(api.json("GET", "command-log?correlation=" + references.get(1) + "&guild=" + otherGuild)).isEmpty();
    }

    @Test
    void pagesGoBackWithBefore() throws Exception {
        JsonNode first = api.json("GET", "command-log?guild=" + guild + "&limit=2");
        assertThat(first).hasSize(2);
        String before = first.get(1).path("id").asText();
        assertThat(commands("command-log?guild=" + guild + "&limit=2&before=" + before)).containsExactly("/first");
    }

    @Test
    void badParametersAreNamedAndOnlyAdminsRead() throws Exception {
        for (String bad : List.of("outcome=weird", "correlation=not-a-reference", "limit=0", "limit=501",
                "guild=general", "before=-1")) {
            var response = api.send("GET", "command-log?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            JsonNode error = Http.json(response);
            assertThat(error.path("error").asText()).isEqualTo("invalid_request");
            assertThat(error.path("message").asText()).as(bad).contains("\"" + bad.substring(0, bad.indexOf('='))
                    + "\"");
        }
        String reader = api.createToken("{\"name\": \"log-reader\", \"role\": \"read-only\"}");
        assertThat(api.send("GET", "command-log", reader).statusCode()).isEqualTo(403);
        assertThat(api.send("GET", "command-log", "hc_unknown_token").statusCode()).isEqualTo(401);
    }

    private List<String> commands(String path) throws Exception {
        List<String> commands = new ArrayList<>();
        api.json("GET", path).forEach(row -> commands.add(row.path("command").asText()));
        return commands;
    }

    /** A row as the dispatcher writes it: its reference is the interaction's id, made at that moment, in base 36. */
    private void insert(long atMillis, long guildId, long userId, String module, String command, String outcome,
            String error) throws Exception {
        String reference = Long.toString(((atMillis - DISCORD_EPOCH) << 22) | ids.size(), 36);
        try (Connection c = database.getConnection();
                PreparedStatement insert = c.prepareStatement("INSERT INTO hotcog_command_log (at, correlation_id, "
                        + "guild_id, channel_id, user_id, module, command, outcome, latency_ms, error) "
                        + "VALUES (?, ?, ?, 7, ?, ?, ?, ?, 42, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setTimestamp(1, new Timestamp(atMillis + 40));
            insert.setString(2, reference);
            insert.setLong(3, guildId);
            insert.setLong(4, userId);
            insert.setString(5, module);
            insert.setString(6, command);
            insert.setString(7, outcome);
            insert.setString(8, error);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                ids.add(keys.getLong(1));
            }
        }
        references.add(reference);
    }
}
