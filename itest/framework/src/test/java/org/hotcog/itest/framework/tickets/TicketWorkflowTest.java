package org.hotcog.itest.framework.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.tickets.TicketGuild.WAIT;
import static org.hotcog.itest.framework.tickets.TicketGuild.awaitMessage;
import static org.hotcog.itest.framework.tickets.TicketGuild.awaitTrue;
import static org.hotcog.itest.framework.tickets.TicketGuild.sees;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staff's daily work on tickets (rename, topic, priority, move, saved replies, listings, a ticket about a
 * message), the REST API with its checks, timers that survive a stop of the module, and a ticket that lives through
 * an update of the module.
 */
class TicketWorkflowTest {
    static TicketGuild tickets;
    static BundleContext context;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext bundleContext) throws Exception {
        context = bundleContext;
        tickets = new TicketGuild(configurationAdmin, context);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (tickets != null) {
            tickets.close();
        }
    }

    @Test
    void staffRenameRePrioritiseMoveAndAnswerWithSavedReplies() throws Exception {
        User gina = tickets.member("gina");
        Role techs = tickets.fixture.guild.createRole("Techs", 0);
        User tess = tickets.member("tess");
        tickets.fixture.guild.addRole(tess, techs);
        tickets.category("Desk");
        tickets.run(tickets.command(tickets.owner, "ticketcategory").subcommand("create").option("name", "Hardware")
                .option("staff-roles", "<@&" + techs.id() + ">").option("discord-category", tickets.ticketsCategory));
        TextChannel channel = tickets.open(gina, "Desk");

        assertThat(tickets.refusal(tickets.command(gina, channel, "rename").option("name", "mine")))
                .isEqualTo("Only the staff of Desk can do this.");
        assertThat(tickets.run(tickets.command(tickets.sam, channel, "rename").option("name", "Printer jam"))
                .content()).isEqualTo("The ticket is now called **printer-jam**.");
        awaitTrue(() -> channel.name().equals("printer-jam"), "the channel renamed");
        tickets.run(tickets.command(tickets.sam, channel, "priority").option("level", "urgent"));
        awaitTrue(() -> channel.name().equals("🔴-printer-jam"), "the channel marked urgent");
        assertThat(tickets.run(tickets.command(gina, channel, "topic").option("text", "Tray 2 jams")).content())
                .isEqualTo("Topic: Tray 2 jams");

        assertThat(tickets.run(tickets.command(tickets.owner, "tags").subcommand("add").option("name", "restart")
                .option("content", "Please turn it off and on again, @everyone.")).content())
                .isEqualTo("Saved the tag **restart**.");
        assertThat(tickets.fixture.discord.autocomplete(tickets.sam, channel, "tag", "name", "rest"))
                .extracting(c -> c.name()).contains("restart");
        Message reply = tickets.run(tickets.command(tickets.sam, channel, "tag").option("name", "restart"));
        assertThat(reply.content()).isEqualTo("Please turn it off and on again, @everyone.");
        assertThat(reply.allowedMentions()).hasValueSatisfying(mentions -> assertThat(mentions.get("parse"))
                .asList().isEmpty());
        assertThat(tickets.refusal(tickets.command(gina, channel, "tag").option("name", "restart")))
                .isEqualTo("Only the staff of Desk can do this.");

        Message listed = tickets.run(tickets.command(gina, "tickets"));
        assertThat(listed.embeds().toString()).contains("· Desk · open", "Tray 2 jams");
        assertThat(tickets.refusal(tickets.command(gina, "tickets").option("member", tickets.sam)))
                .startsWith("You can list your own tickets");

        assertThat(tickets.run(tickets.command(tickets.sam, channel, "move").option("category", "Hardware"))
                .content()).startsWith("Moved to **Hardware**.");
        awaitTrue(() -> sees(channel, tess) && !sees(channel, tickets.sam), "the new staff in, the old one out");
        assertThat(sees(channel, gina)).isTrue();
        JsonNode moved = tickets.rest("GET", tickets.path("tickets?openerId=" + gina.id()), null).path("tickets")
                .get(0);
        assertThat(moved.path("categoryName").asText()).isEqualTo("Hardware");
        assertThat(moved.path("priority").asText()).isEqualTo("urgent");
        assertThat(moved.path("topic").asText()).isEqualTo("Tray 2 jams");
        tickets.run(tickets.command(tess, channel, "forceclose"));
        awaitTrue(channel::deleted, "the ticket's channel deleted");
    }

    @Test
    void aMenuPanelOpensTicketsThatStaffClaimTransferAndRelease() throws Exception {
        User liam = tickets.member("liam");
        User sue = tickets.member("sue");
        tickets.fixture.guild.addRole(sue, tickets.support);
        tickets.category("Menu one");
        tickets.category("Menu two");
        tickets.run(tickets.command(tickets.owner, "ticketpanel").option("channel", tickets.fixture.general)
                .option("style", "menu").option("categories", "menu one, Menu two").option("title", "Pick one"));
        Message panel = awaitMessage(tickets.fixture.general, m -> m.embeds().toString().contains("Pick one"));
        String menuId = panel.customIds().get(0);
        String two = tickets.rest("GET", tickets.path("categories"), null).findParents("name").stream()
                .filter(c -> c.path("name").asText().equals("Menu two")).findFirst().orElseThrow().path("id")
                .asText();
        TextChannel channel = tickets.channelOf(tickets.fixture.discord.selectMenu(liam, panel, menuId, List.of(two))
                .awaitReply(WAIT));
        assertThat(tickets.rest("GET", tickets.path("tickets?openerId=" + liam.id()), null).path("tickets").get(0)
                .path("categoryName").asText()).isEqualTo("Menu two");

        Message welcome = awaitMessage(channel, m -> m.customIds().stream().anyMatch(id -> id.startsWith(
                "tickets:claim:")));
        String claim = welcome.customIds().stream().filter(id -> id.startsWith("tickets:claim:")).findFirst()
                .orElseThrow();
        assertThat(tickets.fixture.discord.clickButton(tickets.sam, welcome, claim).awaitReply(WAIT).content())
                .isEqualTo("<@" + tickets.sam.id() + "> will handle this ticket.");
        assertThat(tickets.refusal(tickets.command(sue, channel, "claim")))
                .isEqualTo("<@" + tickets.sam.id() + "> holds this ticket. They can /release or /transfer it.");
        assertThat(tickets.refusal(tickets.command(tickets.sam, channel, "transfer").option("member", liam)))
                .isEqualTo("A ticket goes to a member of the staff of Menu two.");
        assertThat(tickets.run(tickets.command(tickets.sam, channel, "transfer").option("member", sue)).content())
                .isEqualTo("Ticket " + welcome.embeds().get(0).get("title").toString().replaceAll("Ticket (#\\d+).*",
                        "$1") + " is now sue's.");
        awaitMessage(channel, m -> m.content().startsWith("<@" + sue.id() + ">, sam handed ticket"));
        assertThat(tickets.rest("GET", tickets.path("tickets?claimedBy=" + sue.id()), null).path("total").asInt())
                .isEqualTo(1);
        assertThat(tickets.run(tickets.command(sue, channel, "release")).content())
                .isEqualTo("<@" + sue.id() + "> released this ticket; any of the team can /claim it.");
        assertThat(tickets.refusal(tickets.command(sue, channel, "release"))).isEqualTo("Nobody holds this ticket.");
        assertThat(tickets.run(tickets.command(tickets.owner, "ticketstats").option("days", 1L)).embeds().toString())
                .contains("Tickets of the last 1 day", "Menu two");
        tickets.run(tickets.command(liam, channel, "close"));
        awaitTrue(channel::deleted, "the ticket's channel deleted");
    }

    @Test
    void aTicketAboutAMessageQuotesIt() throws Exception {
        User hugo = tickets.member("hugo");
        User mallory = tickets.member("mallory");
        tickets.category("Reports about members");
        Message rude = tickets.fixture.general.post(mallory, "you are all terrible");
        InteractionResult menu = tickets.fixture.discord.messageCommand(hugo, rude,
                "Open a ticket about this message");
        Message choice = menu.awaitReply(WAIT);
        String menuId = choice.customIds().get(0);
        String value = tickets.rest("GET", tickets.path("categories"), null).findParents("name").stream()
                .filter(c -> c.path("name").asText().equals("Reports about members")).findFirst().orElseThrow()
                .path("id").asText();
        Message opened = tickets.fixture.discord.selectMenu(hugo, choice, menuId, List.of(value)).awaitReply(WAIT);
        TextChannel channel = tickets.channelOf(opened);
        Message welcome = awaitMessage(channel, m -> !m.embeds().isEmpty());
        assertThat(welcome.embeds().toString()).contains("The message", "mallory: you are all terrible",
                "/channels/" + tickets.fixture.guild.id() + "/" + tickets.fixture.general.id() + "/" + rude.id());
        JsonNode ticket = tickets.rest("GET", tickets.path("tickets?openerId=" + hugo.id()), null).path("tickets")
                .get(0);
        assertThat(ticket.path("topic").asText()).isEqualTo("About a message of mallory");
        assertThat(ticket.path("answers").get(0).path("question").asText()).isEqualTo("The message");
        tickets.run(tickets.command(hugo, channel, "close"));
        awaitTrue(channel::deleted, "the ticket's channel deleted");
    }

    @Test
    void theRestApiListsTicketsServesTranscriptsAndRefusesBadInput() throws Exception {
        User ivy = tickets.member("ivy");
        tickets.category("Api");
        TextChannel channel = tickets.open(ivy, "Api");
        channel.post(ivy, "Hello <script>alert(1)</script>");
        channel.post(tickets.sam, "Hi ivy, how can I help?");
        awaitTrue(() -> transcriptOf(ivy).contains("how can I help"), "the archive of both messages");
        tickets.run(tickets.command(ivy, channel, "close").option("reason", "done"));
        awaitTrue(channel::deleted, "the ticket's channel deleted");

        JsonNode closed = tickets.rest("GET", tickets.path("tickets?state=closed&openerId=" + ivy.id()), null);
        assertThat(closed.path("total").asInt()).isEqualTo(1);
        JsonNode ticket = closed.path("tickets").get(0);
        assertThat(ticket.path("closeReason").asText()).isEqualTo("done");
        assertThat(ticket.path("firstResponseAt").isNull()).isFalse();
        String id = ticket.path("id").asText();
        HttpResponse<String> html = tickets.api.send("GET", tickets.path("tickets/" + id + "/transcript"),
                tickets.token);
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(html.body()).contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        HttpResponse<String> text = tickets.api.send("GET", tickets.path("tickets/" + id + "/transcript?format=text"),
                tickets.token);
        assertThat(text.body()).contains("Hi ivy, how can I help?");

        JsonNode stats = tickets.rest("GET", tickets.path("stats?days=1"), null);
        assertThat(stats.path("overall").path("closed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("byStaff").findValuesAsText("key")).contains(Long.toString(tickets.sam.id()));
        assertThat(stats.path("byCategory").findValuesAsText("key")).contains("Api");

        assertBad("GET", tickets.path("tickets?state=maybe"), null, "state: must be open or closed");
        assertBad("GET", tickets.path("tickets?limit=1000"), null, "limit: must be a whole number from 1 to 100");
        assertBad("GET", tickets.path("tickets/" + id + "/transcript?format=pdf"), null, "format: must be html or text");
        assertBad("POST", tickets.path("categories"), "{\"name\": \"No staff\"}", "staffRoleIds: is required");
        assertBad("POST", tickets.path("categories"), "{\"name\": \"Bad\", \"staffRoleIds\": [\"" + tickets.support.id()
                + "\"], \"memberLimit\": 99}", "memberLimit: must be from 0 to 50");
        JsonNode before = tickets.rest("GET", tickets.path("settings"), null);
        assertBad("PUT", tickets.path("settings"), "{\"feedback\": false, \"staleAfterSeconds\": -5}",
                "staleAfterSeconds: must be a whole number from 0 to");
        assertThat(tickets.rest("GET", tickets.path("settings"), null)).as("nothing stored").isEqualTo(before);
        assertThat(tickets.api.send("GET", tickets.path("tickets/999999"), tickets.token).statusCode())
                .isEqualTo(404);

        JsonNode tag = tickets.rest("POST", tickets.path("tags"), "{\"name\": \"Hours\", \"content\": \"9 to 5\"}");
        assertThat(tickets.rest("GET", tickets.path("tags"), null).findValuesAsText("name")).contains("Hours");
        assertBad("POST", tickets.path("tags"), "{\"name\": \"hours\", \"content\": \"again\"}",
                "name: there is a tag named hours already");
        tickets.rest("DELETE", tickets.path("tags/" + tag.path("id").asText()), null);
    }

    private static String transcriptOf(User opener) {
        try {
            JsonNode open = tickets.rest("GET", tickets.path("tickets?openerId=" + opener.id()), null);
            return tickets.api.send("GET", tickets.path("tickets/" + open.path("tickets").get(0).path("id").asText()
                    + "/transcript?format=text"), tickets.token).body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertBad(String method, String path, String body, String message) throws Exception {
        HttpResponse<String> response = body == null ? tickets.api.send(method, path, tickets.token)
                : tickets.api.sendJson(method, path, tickets.token, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }

    @Test
    void aSilentTicketIsRemindedAndClosedByTimersThatOutliveAStopOfTheModule() throws Exception {
        User jack = tickets.member("jack");
        tickets.category("Quiet");
        tickets.rest("PUT", tickets.path("settings"), "{\"staleAfterSeconds\": 3, \"autoCloseAfterSeconds\": 3}");
        Bundle module = module();
        try {
            TextChannel channel = tickets.open(jack, "Quiet");
            module.stop();
            Thread.sleep(4_000);
            assertThat(channel.messages()).noneMatch(m -> m.content().contains("has had no message"));
            module.start();
            tickets.fixture.requireCommands(TicketGuild.COMMANDS);
            Message reminder = awaitMessage(channel, m -> m.content().contains("has had no message"));
            assertThat(reminder.content()).startsWith("<@" + jack.id() + ">, this ticket has had no message for ");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!channel.deleted() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(channel.deleted()).as("closed after the reminder").isTrue();
            JsonNode closed = tickets.rest("GET", tickets.path("tickets?state=closed&openerId=" + jack.id()), null)
                    .path("tickets").get(0);
            assertThat(closed.path("closeReason").asText()).startsWith("Closed automatically after ");
            assertThat(closed.path("closedBy").asText()).isEqualTo(Long.toString(tickets.fixture.discord.botUser().id()));
        } finally {
            if (module.getState() != Bundle.ACTIVE) {
                module.start();
            }
            tickets.rest("PUT", tickets.path("settings"), "{\"staleAfterSeconds\": 0, \"autoCloseAfterSeconds\": 0}");
        }
    }

    @Test
    void aTicketOpenedBeforeAnUpdateOfTheModuleIsArchivedAndClosedAfterIt() throws Exception {
        User kim = tickets.member("kim");
        tickets.category("Upgrade");
        TextChannel channel = tickets.open(kim, "Upgrade");
        channel.post(kim, "before the update");
        awaitTrue(() -> transcriptOf(kim).contains("before the update"), "the first message archived");

        Bundle module = module();
        module.update();
        CountDownLatch refreshed = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(Set.of(module), e -> refreshed.countDown());
        assertThat(refreshed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(module.getState()).isEqualTo(Bundle.ACTIVE);
        tickets.fixture.requireCommands(TicketGuild.COMMANDS);

        channel.post(kim, "after the update");
        awaitTrue(() -> transcriptOf(kim).contains("after the update"), "the archive working after the update");
        Message welcome = awaitMessage(channel, m -> m.customIds().stream().anyMatch(id -> id.startsWith(
                "tickets:close:")));
        String close = welcome.customIds().stream().filter(id -> id.startsWith("tickets:close:")).findFirst()
                .orElseThrow();
        tickets.fixture.discord.clickButton(kim, welcome, close).awaitReply(WAIT);
        awaitTrue(channel::deleted, "the ticket closed from its first message's button");
        Message logged = awaitMessage(tickets.log, m -> m.embeds().toString().contains("<@" + kim.id() + ">")
                && m.attachments().size() == 2);
        String text = new String(logged.attachments().get(1).data(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("before the update", "after the update");
    }

    private static Bundle module() {
        return List.of(context.getBundles()).stream().filter(b -> "org.hotcog.tickets".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
    }
}
