package org.hotcog.itest.framework.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotcog.itest.framework.economy.EconomyGuild.JSON;
import static org.hotcog.itest.framework.economy.EconomyGuild.json;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.hotcog.api.economy.EconomyTopics;
import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The economy as members and admins use it in the local Discord: daily claims with their cooldown
 * and streak, payments and every refusal, admin changes, the paged leaderboard, settings from
 * Discord and REST, and the events other bundles get.
 */
class EconomyTest {
    static final Duration WAIT = DiscordFixture.WAIT;
    static EconomyGuild eco;
    static BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    static ServiceRegistration<EventHandler> listener;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        eco = new EconomyGuild(configurationAdmin, context);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, EconomyTopics.COINS_EARNED);
        listener = context.registerService(EventHandler.class, events::add, properties);
    }

    @AfterAll
    static void tearDown() throws Exception {
        listener.unregister();
        eco.close();
    }

    @Test
    void dailyPaysOnceACooldownAndAStreakGrowsUntilABreak(@InjectService(timeout = 20_000) DataSource database)
            throws Exception {
        User dana = eco.member("dana");
        Message first = eco.run(eco.command(dana, "daily"));
        assertThat(first.content()).startsWith("You claimed 🪙 100 coins. Balance: 🪙 100 coins. Next claim <t:");
        Event earned = awaitEarned(dana);
        assertThat(earned.getProperty(EconomyTopics.AMOUNT)).isEqualTo(100L);
        assertThat(earned.getProperty(EconomyTopics.SOURCE)).isEqualTo("daily");

        Message again = eco.run(eco.command(dana, "daily"));
        assertThat(again.ephemeral()).isTrue();
        assertThat(again.content()).startsWith("You claimed your daily coins already: the next claim is <t:");

        // a day cannot pass in a test: the last claim is dated back instead
        backdateDaily(database, dana, Duration.ofHours(25));
        assertThat(eco.run(eco.command(dana, "daily")).content())
                .startsWith("You claimed 🪙 110 coins: day 2 of your streak. Balance: 🪙 210 coins.");
        backdateDaily(database, dana, Duration.ofHours(49));
        assertThat(eco.run(eco.command(dana, "daily")).content()).startsWith("You claimed 🪙 100 coins. Balance: 🪙 310 coins.");
    }

    @Test
    void paymentsMoveCoinsAndEveryBadOneIsRefusedWithNothingChanged() throws Exception {
        User erik = eco.member("erik");
        User fay = eco.member("fay");
        eco.give(erik, 500);

        Message paid = eco.run(eco.command(erik, "pay").option("member", fay).option("amount", 200)
                .option("note", "lunch"));
        assertThat(paid.content()).isEqualTo("You paid **fay** 🪙 200 coins. For: lunch");
        Event earned = awaitEarned(fay);
        assertThat(earned.getProperty(EconomyTopics.AMOUNT)).isEqualTo(200L);
        assertThat(earned.getProperty(EconomyTopics.SOURCE)).isEqualTo("transfer");

        assertThat(eco.refusal(eco.command(erik, "pay").option("member", fay).option("amount", 301)))
                .isEqualTo("You have only 🪙 300 coins.");
        assertThat(eco.refusal(eco.command(erik, "pay").option("member", erik).option("amount", 1)))
                .isEqualTo("You cannot pay yourself.");
        assertThat(eco.refusal(eco.command(erik, "pay").option("member", eco.fixture.discord.botUser()).option("amount", 1)))
                .isEqualTo("Bots have no wallet.");
        User stranger = eco.fixture.discord.createUser("stranger");
        assertThat(eco.refusal(eco.command(erik, "pay").option("member", stranger).option("amount", 1)))
                .isEqualTo("That user is not a member of this server.");
        assertThatThrownBy(() -> eco.command(erik, "pay").option("member", fay).option("amount", 0).send())
                .as("Discord refuses an amount below the option's minimum").hasMessageContaining("out of range");
        assertThatThrownBy(() -> eco.command(erik, "pay").option("member", fay).option("amount", -5).send())
                .hasMessageContaining("out of range");

        String path = "economy/" + eco.fixture.guild.id() + "/settings";
        json(eco.api.sendJson("PUT", path, eco.token, "{\"maxTransfer\": 100}"));
        try {
            assertThat(eco.refusal(eco.command(erik, "pay").option("member", fay).option("amount", 101)))
                    .isEqualTo("One payment moves at most 🪙 100 coins in this server.");
        } finally {
            json(eco.api.sendJson("PUT", path, eco.token, "{\"maxTransfer\": 1000000}"));
        }
        assertThat(eco.balance(erik)).isEqualTo(300);
        assertThat(eco.balance(fay)).isEqualTo(200);

        // a wallet at the limit takes no more, from a payment or an admin
        eco.run(eco.command(eco.owner, "eco").subcommand("set").option("member", fay).option("amount", 1_000_000_000_000_000L));
        assertThat(eco.refusal(eco.command(erik, "pay").option("member", fay).option("amount", 1)))
                .isEqualTo("The wallet of **fay** cannot hold that many coins.");
        assertThat(eco.refusal(eco.command(eco.owner, "eco").subcommand("give").option("member", fay).option("amount", 1)))
                .isEqualTo("The wallet of **fay** cannot hold that many coins.");
        assertThat(eco.balance(erik)).isEqualTo(300);
    }

    @Test
    void adminsGiveTakeSetAndResetAndTheLedgerSaysWhoDidWhat() throws Exception {
        User gil = eco.member("gil");
        assertThat(eco.run(eco.command(eco.owner, "eco").subcommand("give").option("member", gil).option("amount", 70)
                .option("reason", "event prize")).content()).isEqualTo("Gave **gil** 🪙 70 coins; they have 🪙 70 coins now.");
        assertThat(eco.run(eco.command(eco.owner, "eco").subcommand("take").option("member", gil).option("amount", 20)).content())
                .isEqualTo("Took 🪙 20 coins from **gil**; they have 🪙 50 coins now.");
        assertThat(eco.refusal(eco.command(eco.owner, "eco").subcommand("take").option("member", gil).option("amount", 51)))
                .isEqualTo("**gil** has only 🪙 50 coins.");
        assertThat(eco.run(eco.command(eco.owner, "eco").subcommand("set").option("member", gil).option("amount", 1234)).content())
                .isEqualTo("**gil** has 🪙 1,234 coins now.");
        assertThat(eco.run(eco.command(eco.owner, "eco").subcommand("reset").option("member", gil)).content())
                .isEqualTo("**gil** has no coins now.");

        JsonNode wallet = eco.get("economy/" + eco.fixture.guild.id() + "/members/" + gil.id());
        assertThat(wallet.path("balance").asLong()).isZero();
        assertThat(wallet.path("ledger")).extracting(e -> e.path("kind").asText() + " " + e.path("delta").asLong()
                + " " + e.path("balanceAfter").asLong()).containsExactly("set -1234 0", "set 1184 1234", "take -20 50",
                        "give 70 70");
        assertThat(wallet.path("ledger").get(3).path("note").asText()).isEqualTo("event prize");
        assertThat(wallet.path("ledger").get(3).path("actorId").asText()).isEqualTo(Long.toString(eco.owner.id()));

        assertThatThrownBy(() -> eco.command(eco.fixture.alice, "eco").subcommand("give").option("member", gil)
                .option("amount", 1).send()).as("Discord shows /eco to Manage Server only")
                .hasMessageContaining("lacks the permissions to see /eco");
    }

    @Test
    void theLeaderboardPagesWithItsButtonsAndBalanceShowsTheRank(
            @InjectService(timeout = 20_000) DataSource database) throws Exception {
        // the global wallets are shared by every guild of every run that kept its data: empty them first
        try (Connection c = database.getConnection(); Statement clear = c.createStatement()) {
            clear.executeUpdate("DELETE FROM economy_wallet WHERE scope_id = 0");
            clear.executeUpdate("DELETE FROM economy_ledger WHERE scope_id = 0");
        }
        String path = "economy/" + eco.fixture.guild.id() + "/settings";
        json(eco.api.sendJson("PUT", path, eco.token, "{\"wallets\": \"global\"}"));
        try {
            List<User> rich = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                User user = eco.member("rich" + i);
                eco.run(eco.command(eco.owner, "eco").subcommand("set").option("member", user).option("amount", 1000 * i));
                rich.add(user);
            }
            Message board = eco.run(eco.command(eco.fixture.alice, "leaderboard"));
            String first = board.embeds().get(0).get("description").toString();
            assertThat(first).startsWith("**1.** <@" + rich.get(11).id() + "> — 🪙 12,000\n**2.** <@" + rich.get(10).id());
            assertThat(first.lines()).hasSize(10);
            assertThat(board.embeds().get(0).toString()).contains("Page 1 of 2 · 12 members with coins");

            assertThat(eco.fixture.discord.clickButton(eco.fixture.alice, board, "economy:board:2").awaitResponse(WAIT).type())
                    .isEqualTo(InteractionResponse.UPDATE_MESSAGE);
            String second = board.embeds().get(0).get("description").toString();
            assertThat(second).isEqualTo("**11.** <@" + rich.get(1).id() + "> — 🪙 2,000\n**12.** <@"
                    + rich.get(0).id() + "> — 🪙 1,000");

            assertThat(eco.run(eco.command(rich.get(9), "balance")).content()).isEqualTo("You have 🪙 10,000 coins (#3 of 12).");
            assertThat(eco.run(eco.command(eco.fixture.alice, "balance").option("member", rich.get(0))).content())
                    .isEqualTo("**rich1** has 🪙 1,000 coins (#12 of 12).");
            JsonNode balances = json(eco.api.send("GET", "economy/" + eco.fixture.guild.id() + "/balances?limit=2&offset=1",
                    eco.token));
            assertThat(balances.path("scope").asText()).isEqualTo("0");
            assertThat(balances.path("balances")).extracting(b -> b.path("rank").asInt()).containsExactly(2, 3);
        } finally {
            json(eco.api.sendJson("PUT", path, eco.token, "{\"wallets\": \"server\"}"));
        }
    }

    @Test
    void settingsAreValidatedWholeFromDiscordAndRest() throws Exception {
        Message shown = eco.run(eco.command(eco.owner, "ecosettings").subcommand("currency").option("name", "gems")
                .option("symbol", "💎"));
        assertThat(shown.ephemeral()).isTrue();
        assertThat(shown.embeds().get(0).toString()).contains("💎 gems");
        try {
            Message refused = eco.run(eco.command(eco.owner, "ecosettings").subcommand("bets").option("min", 500).option("max", 100)
                    .option("house-edge", 2.5));
            assertThat(refused.content()).isEqualTo("The largest bet must be from 500 to 1,000,000,000,000.");

            String path = "economy/" + eco.fixture.guild.id() + "/settings";
            JsonNode before = json(eco.api.send("GET", path, eco.token));
            assertThat(before.path("currencyName").asText()).isEqualTo("gems");
            HttpResponse<String> bad = eco.api.sendJson("PUT", path, eco.token, "{\"dailyAmount\": 50, \"houseEdgeBasisPoints\": 9000}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(bad.body()).path("message").asText()).isEqualTo("houseEdgeBasisPoints: the house edge must be from 0 to 2,500 hundredths of a percent");
            HttpResponse<String> badWallets = eco.api.sendJson("PUT", path, eco.token, "{\"wallets\": \"everywhere\"}");
            assertThat(JSON.readTree(badWallets.body()).path("message").asText())
                    .isEqualTo("wallets: must be server or global");
            assertThat(json(eco.api.send("GET", path, eco.token))).isEqualTo(before);

            JsonNode saved = json(eco.api.sendJson("PUT", path, eco.token, "{\"dailyAmount\": 250, \"dailyCooldownSeconds\": 3600}"));
            assertThat(saved.path("dailyAmount").asLong()).isEqualTo(250);
            assertThat(eco.run(eco.command(eco.owner, "ecosettings").subcommand("show")).embeds().get(0).toString())
                    .contains("💎 250 gems every 1h");
            assertThat(eco.api.send("GET", "economy/" + (eco.fixture.guild.id() + 1) + "/settings", eco.token).statusCode())
                    .isEqualTo(403);
        } finally {
            json(eco.api.sendJson("PUT", "economy/" + eco.fixture.guild.id() + "/settings", eco.token, "{\"currencyName\": \"coins\", "
                    + "\"currencySymbol\": \"🪙\", \"dailyAmount\": 100, \"dailyCooldownSeconds\": 86400}"));
        }
    }

    /**
     * The next event about coins the user earned. Events are posted asynchronously: one of an
     * earlier step (the grant before a payment) may still arrive, and is passed over.
     */
    private static Event awaitEarned(User user) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Event event = events.poll(100, TimeUnit.MILLISECONDS);
            if (event != null && Long.valueOf(user.id()).equals(event.getProperty(EconomyTopics.USER_ID))) {
                return event;
            }
        }
        throw new AssertionError("no " + EconomyTopics.COINS_EARNED + " for " + user.name());
    }

    private static void backdateDaily(DataSource database, User user, Duration by) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE economy_daily SET claimed_at = ? WHERE scope_id = ? AND user_id = ?")) {
            update.setTimestamp(1, Timestamp.from(Instant.now().minus(by)));
            update.setLong(2, eco.fixture.guild.id());
            update.setLong(3, user.id());
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
