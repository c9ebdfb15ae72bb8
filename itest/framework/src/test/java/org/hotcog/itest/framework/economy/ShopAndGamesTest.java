package org.hotcog.itest.framework.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.economy.EconomyGuild.JSON;
import static org.hotcog.itest.framework.economy.EconomyGuild.json;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcog.emulator.Choice;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shop (items from Discord and REST, purchases with stock and role rewards, inventories) and
 * the games (coin flips and slots within the bet limits), each settled in the ledger.
 */
class ShopAndGamesTest {
    static final Pattern BALANCE = Pattern.compile("Balance: 🪙 ([\\d,]+) coins\\.");
    static EconomyGuild eco;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        eco = new EconomyGuild(configurationAdmin, context);
    }

    @AfterAll
    static void tearDown() throws Exception {
        eco.close();
    }

    @Test
    void itemsAreBoughtWithinTheirStockAndLandInTheInventory() throws Exception {
        User owner = eco.owner;
        assertThat(eco.run(eco.command(owner, "shopadmin").subcommand("add").option("name", "Cookie").option("price", 30)
                .option("stock", 3).option("description", "Crunchy")).content())
                .isEqualTo("**Cookie** is on sale for 🪙 30 coins.");
        assertThat(eco.refusal(eco.command(owner, "shopadmin").subcommand("add").option("name", "cookie").option("price", 5)))
                .isEqualTo("The shop has an item named cookie already.");

        User hana = eco.member("hana");
        eco.give(hana, 100);
        List<Choice> suggested = eco.command(hana, "buy").autocomplete("item", "coo");
        assertThat(suggested).extracting(Choice::name).containsExactly("Cookie");
        Message bought = eco.run(eco.command(hana, "buy").option("item", suggested.get(0).value()).option("quantity", 2));
        assertThat(bought.content()).isEqualTo("You bought 2 × **Cookie** for 🪙 60 coins. Balance: 🪙 40 coins.");
        assertThat(eco.refusal(eco.command(hana, "buy").option("item", "Cookie").option("quantity", 2)))
                .isEqualTo("Only 1 of **Cookie** are left.");
        assertThat(eco.refusal(eco.command(hana, "buy").option("item", "Cake"))).startsWith("The shop has no item \"Cake\"");
        assertThat(eco.run(eco.command(hana, "inventory")).content()).isEqualTo("You own: 2 × Cookie.");
        assertThat(eco.run(eco.command(eco.fixture.alice, "shop")).embeds().get(0).toString())
                .contains("Cookie").contains("🪙 30 coins · 1 left").contains("Crunchy");

        User ian = eco.member("ian");
        eco.give(ian, 10);
        assertThat(eco.refusal(eco.command(ian, "buy").option("item", "Cookie"))).isEqualTo("You have only 🪙 10 coins.");
        assertThat(eco.run(eco.command(ian, "inventory")).content()).isEqualTo("You own nothing from the shop yet.");
        assertThat(eco.balance(ian)).isEqualTo(10);
    }

    @Test
    void anItemGivesItsRoleOnceAndOnlyWhenTheBotCanGiveIt() throws Exception {
        User owner = eco.owner;
        // createRole puts a role above the bot's own: the bot cannot give it
        Role vip = eco.fixture.guild.createRole("VIP", 0);
        eco.run(eco.command(owner, "shopadmin").subcommand("add").option("name", "VIP pass").option("price", 50)
                .option("role", vip));
        User jo = eco.member("jo");
        eco.give(jo, 200);
        assertThat(eco.refusal(eco.command(jo, "buy").option("item", "VIP pass"))).isEqualTo("I cannot give <@&" + vip.id()
                + ">: I need Manage Roles and a role above it. Nothing was bought.");
        assertThat(eco.balance(jo)).isEqualTo(200);

        Role member = eco.fixture.guild.createRoleAtBottom("Member", 0);
        String itemsPath = "economy/" + eco.fixture.guild.id() + "/items";
        HttpResponse<String> created = eco.api.sendJson("POST", itemsPath, eco.token,
                "{\"name\": \"Member badge\", \"price\": 20, \"roleId\": \"" + member.id() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(eco.refusal(eco.command(jo, "buy").option("item", "Member badge").option("quantity", 2)))
                .isEqualTo("**Member badge** gives a role: buy it once.");
        assertThat(eco.run(eco.command(jo, "buy").option("item", "Member badge")).content())
                .isEqualTo("You bought **Member badge** for 🪙 20 coins and got <@&" + member.id()
                        + ">. Balance: 🪙 180 coins.");
        assertThat(eco.fixture.guild.rolesOf(jo)).contains(member);
        assertThat(eco.refusal(eco.command(jo, "buy").option("item", "Member badge")))
                .isEqualTo("You have <@&" + member.id() + "> already.");
    }

    @Test
    void itemsOverRestAreValidatedAndARemovedItemStaysOwned() throws Exception {
        String path = "economy/" + eco.fixture.guild.id() + "/items";
        String token = eco.token;
        HttpResponse<String> bad = eco.api.sendJson("POST", path, token, "{\"name\": \"Gem\", \"price\": 0}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("message").asText())
                .startsWith("price: a price is from 1 to");
        HttpResponse<String> noPrice = eco.api.sendJson("POST", path, token, "{\"name\": \"Gem\"}");
        assertThat(JSON.readTree(noPrice.body()).path("message").asText()).isEqualTo("price: is required");

        JsonNode gem = json(eco.api.sendJson("POST", path, token, "{\"name\": \"Gem\", \"price\": 5, "
                + "\"stock\": 10}"));
        String id = gem.path("id").asText();
        JsonNode changed = json(eco.api.sendJson("PUT", path + "/" + id, token, "{\"name\": \"Gem\", "
                + "\"price\": 7, \"stock\": null}"));
        assertThat(changed.path("price").asLong()).isEqualTo(7);
        assertThat(changed.path("stock").isNull()).isTrue();
        assertThat(eco.api.sendJson("PUT", path + "/999999", token, "{\"name\": \"X\", \"price\": 1}")
                .statusCode()).isEqualTo(404);

        User kai = eco.member("kai");
        eco.give(kai, 7);
        eco.run(eco.command(kai, "buy").option("item", "Gem"));
        assertThat(eco.api.send("DELETE", path + "/" + id, token).statusCode()).isEqualTo(204);
        assertThat(json(eco.api.send("GET", path, token))).noneMatch(item -> "Gem".equals(item.path("name")
                .asText()));
        assertThat(eco.run(eco.command(kai, "inventory")).content()).isEqualTo("You own: 1 × Gem.");
    }

    @Test
    void gamesTakeBetsWithinTheLimitsAndSettleInTheLedger() throws Exception {
        User lee = eco.member("lee");
        eco.give(lee, 1_000);
        assertThat(eco.refusal(eco.command(lee, "coinflip").option("side", "heads").option("bet", 5)))
                .isEqualTo("Bets in this server are from 🪙 10 coins to 🪙 10,000 coins.");
        assertThat(eco.refusal(eco.command(lee, "slots").option("bet", 5_000))).isEqualTo("You have only 🪙 1,000 coins.");

        long expected = 1_000;
        for (int i = 0; i < 10; i++) {
            Message flip = eco.run(eco.command(lee, "coinflip").option("side", i % 2 == 0 ? "heads" : "tails")
                    .option("bet", 10));
            assertThat(flip.content()).matches("🪙 The coin shows \\*\\*(heads|tails)\\*\\*\\. "
                    + "(You won 🪙 9 coins!|You lost 🪙 10 coins\\.) Balance: 🪙 [\\d,]+ coins\\.");
            expected += flip.content().contains("You won") ? 9 : -10;
            assertThat(balanceIn(flip)).isEqualTo(expected);

            Message spin = eco.run(eco.command(lee, "slots").option("bet", 10));
            assertThat(spin.content()).startsWith("🎰 **[ ");
            expected = balanceIn(spin);
        }
        assertThat(eco.balance(lee)).isEqualTo(expected);
        JsonNode wallet = json(eco.api.send("GET", "economy/" + eco.fixture.guild.id() + "/members/"
                + lee.id() + "?limit=100", eco.token));
        assertThat(wallet.path("ledger")).extracting(e -> e.path("kind").asText()).contains("bet").doesNotContain("buy");
    }

    private static long balanceIn(Message answer) {
        Matcher matcher = BALANCE.matcher(answer.content());
        assertThat(matcher.find()).as(answer.content()).isTrue();
        return Long.parseLong(matcher.group(1).replace(",", ""));
    }
}
