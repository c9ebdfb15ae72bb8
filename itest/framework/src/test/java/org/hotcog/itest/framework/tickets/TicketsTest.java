package org.hotcog.itest.framework.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.tickets.TicketGuild.WAIT;
import static org.hotcog.itest.framework.tickets.TicketGuild.await;
import static org.hotcog.itest.framework.tickets.TicketGuild.awaitMessage;
import static org.hotcog.itest.framework.tickets.TicketGuild.awaitTrue;
import static org.hotcog.itest.framework.tickets.TicketGuild.refusal;
import static org.hotcog.itest.framework.tickets.TicketGuild.sees;

import java.nio.charset.StandardCharsets;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hotcog.api.tickets.TicketTopics;
import org.hotcog.emulator.Attachment;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
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

/**
 * Tickets as members and staff use them in the local Discord: a panel with a question, the private channel and who
 * can see it, the archive and the transcripts, claims, close requests, feedback, and the events other bundles get.
 */
class TicketsTest {
    static TicketGuild tickets;
    static BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    static ServiceRegistration<EventHandler> listener;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        tickets = new TicketGuild(configurationAdmin, context);
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, "bot/tickets/*");
        listener = context.registerService(EventHandler.class, events::add, properties);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (listener != null) {
            listener.unregister();
        }
        if (tickets != null) {
            tickets.close();
        }
    }

    @Test
    void aTicketFromAPanelIsPrivateArchivedAndClosedWithTranscriptsAndFeedback() throws Exception {
        User alice = tickets.fixture.alice;
        User olly = tickets.member("olly");
        tickets.category("Billing", "emoji", "💳", "description", "Payments and refunds");
        assertThat(tickets.run(tickets.command(tickets.owner, "ticketcategory").subcommand("question-add")
                .option("category", "Billing").option("question", "What happened?").option("long", true)).content())
                .isEqualTo("Question 1 of Billing: What happened?");
        Message posted = tickets.run(tickets.command(tickets.owner, "ticketpanel")
                .option("channel", tickets.fixture.general).option("categories", "billing"));
        assertThat(posted.content()).startsWith("The panel is in ");
        Message panel = awaitMessage(tickets.fixture.general,
                m -> m.customIds().stream().anyMatch(id -> id.startsWith("tickets:open:")));
        String button = panel.customIds().stream().filter(id -> id.startsWith("tickets:open:")).findFirst()
                .orElseThrow();

        // the question first, then the ticket
        InteractionResult clicked = tickets.fixture.discord.clickButton(alice, panel, button);
        String modalId = TicketGuild.modalOf(clicked).modal().customId();
        InteractionResult submitted = tickets.fixture.discord.submitModal(alice, clicked, modalId,
                Map.of("q0", "I was charged twice for <b>one</b> order."));
        Message answer = submitted.awaitReply(WAIT);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(answer.content()).matches("Your ticket #\\d+ is open: <#\\d+>");
        String number = answer.content().replaceAll("Your ticket #(\\d+) .*", "$1");
        TextChannel channel = tickets.channelOf(answer);
        assertThat(channel.name()).isEqualTo(String.format("ticket-%04d", Integer.parseInt(number)));
        Event opened = awaitEvent(TicketTopics.OPENED, alice);
        assertThat(opened.getProperty(TicketTopics.CATEGORY_NAME)).isEqualTo("Billing");

        // who sees it, from the overwrites the bot set when it made the channel
        assertThat(sees(channel, alice)).isTrue();
        assertThat(sees(channel, tickets.sam)).isTrue();
        assertThat(sees(channel, olly)).isFalse();
        assertThat(tickets.fixture.guild.members().stream().filter(u -> sees(channel, u)).map(User::name))
                .containsExactlyInAnyOrder("alice", "sam", tickets.owner.name(),
                        tickets.fixture.discord.botUser().name());

        Message welcome = awaitMessage(channel, m -> !m.embeds().isEmpty());
        assertThat(welcome.content()).contains("<@" + alice.id() + ">");
        assertThat(welcome.embeds().get(0).toString()).contains("What happened?", "charged twice");

        // the conversation, with an edit and a deletion
        Message first = channel.post(alice, "Order **1234**, see the receipt.");
        channel.post(tickets.sam, "Looking into it.");
        first.editByAuthor("Order **1234**, see the attached receipt.");
        Message oops = channel.post(alice, "wrong channel, sorry");
        oops.deleteByUser();

        // a member added by the opener takes part, but does not handle the ticket
        tickets.run(tickets.command(alice, channel, "add").option("target", olly));
        assertThat(tickets.refusal(tickets.command(olly, channel, "claim"))).startsWith("Only the staff of Billing");
        assertThat(tickets.run(tickets.command(tickets.sam, channel, "claim")).content())
                .isEqualTo("<@" + tickets.sam.id() + "> will handle this ticket.");
        assertThat(awaitEvent(TicketTopics.CLAIMED, alice).getProperty(TicketTopics.STAFF_ID))
                .isEqualTo(tickets.sam.id());
        assertThat(tickets.refusal(tickets.command(tickets.sam, channel, "claim")))
                .isEqualTo("You hold this ticket already.");

        // staff ask, the opener accepts
        assertThat(tickets.run(tickets.command(tickets.sam, channel, "close").option("reason", "Refunded"))
                .content()).startsWith("Asked <@" + alice.id() + "> whether the ticket may close.");
        Message request = awaitMessage(channel, m -> m.customIds().stream().anyMatch(id -> id.endsWith(":yes")));
        String yes = request.customIds().stream().filter(id -> id.endsWith(":yes")).findFirst().orElseThrow();
        assertThat(refusal(tickets.fixture.discord.clickButton(olly, request, yes)))
                .isEqualTo("Only the ticket's opener answers a close request.");
        tickets.fixture.discord.clickButton(alice, request, yes).awaitReply(WAIT);
        awaitTrue(channel::deleted, "the ticket's channel deleted");
        Event closed = awaitEvent(TicketTopics.CLOSED, alice);
        assertThat(closed.getProperty(TicketTopics.STAFF_ID)).isEqualTo(alice.id());
        assertThat(closed.getProperty(TicketTopics.REASON)).isEqualTo("Refunded");

        // the transcripts, in the log channel and to the opener
        Message logged = awaitMessage(tickets.log, m -> m.attachments().size() == 2
                && m.attachments().get(0).filename().endsWith("-" + number + ".html"));
        Attachment html = logged.attachments().stream().filter(a -> a.filename().endsWith(".html")).findFirst()
                .orElseThrow();
        String page = new String(html.data(), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("Ticket #" + number + " · Billing")
                .contains("<strong>1234</strong>, see the attached receipt.")
                .contains("<strong>1234</strong>, see the receipt.")
                .contains("Looking into it.", "wrong channel, sorry", "deleted ")
                .contains("charged twice for &lt;b&gt;one&lt;/b&gt; order.")
                .doesNotContain("<b>one</b>", "<script", "http://", "https://");
        String text = new String(logged.attachments().stream().filter(a -> a.filename().endsWith(".txt"))
                .findFirst().orElseThrow().data(), StandardCharsets.UTF_8);
        assertThat(text).contains("sam", "Looking into it.", "(deleted ", "before an edit: Order **1234**, see the receipt.");
        assertThat(logged.embeds().get(0).toString()).contains("Refunded");

        Message dm = await(() -> tickets.dmsOf(alice).stream().filter(m -> !m.attachments().isEmpty()).findFirst(),
                "the transcript by direct message");
        assertThat(dm.content()).contains("Your ticket #" + number + " ");
        String rate = dm.customIds().stream().filter(id -> id.endsWith(":5")).findFirst().orElseThrow();
        InteractionResult rating = tickets.fixture.discord.clickButton(alice, dm, rate);
        String feedbackModal = TicketGuild.modalOf(rating).modal().customId();
        Message thanks = tickets.fixture.discord.submitModal(alice, rating, feedbackModal,
                Map.of("comment", "Quick and kind.")).awaitReply(WAIT);
        assertThat(thanks.content()).startsWith("Thank you for rating ticket #" + number + " ");
        assertThat(refusal(tickets.fixture.discord.clickButton(alice, dm, rate)))
                .isEqualTo("You rated this ticket already. Thank you!");
    }

    @Test
    void staffOnlyCommandsLimitsAndCooldownAreRefused() {
        User bob = tickets.member("bob");
        tickets.category("Appeals", "member-limit", 1L, "cooldown", "1h");
        TextChannel channel = tickets.open(bob, "Appeals");
        assertThat(tickets.refusal(tickets.command(bob, channel, "forceclose")))
                .isEqualTo("Only the staff of Appeals can do this.");
        assertThat(tickets.refusal(tickets.command(bob, "new").option("category", "Appeals")))
                .startsWith("You already have 1 open ticket in Appeals");
        assertThat(tickets.refusal(tickets.command(bob, tickets.fixture.general, "claim")))
                .isEqualTo("This works in an open ticket's channel only.");
        tickets.run(tickets.command(tickets.sam, channel, "forceclose"));
        awaitTrue(channel::deleted, "the ticket's channel deleted");
        assertThat(tickets.refusal(tickets.command(bob, "new").option("category", "Appeals")))
                .startsWith("You opened a ticket in Appeals a short while ago. You can open the next one in ");
    }

    @Test
    void addedMembersSeeTheTicketAndRemovedOnesNoLonger() {
        User carl = tickets.member("carl");
        User dora = tickets.member("dora");
        tickets.category("General");
        TextChannel channel = tickets.open(carl, "General");
        assertThat(sees(channel, dora)).isFalse();
        assertThat(tickets.run(tickets.command(carl, channel, "add").option("target", dora)).content())
                .isEqualTo("<@" + dora.id() + "> was added to the ticket.");
        assertThat(sees(channel, dora)).isTrue();
        assertThat(tickets.refusal(tickets.command(carl, channel, "add").option("target", dora)))
                .isEqualTo("<@" + dora.id() + "> is in this ticket already.");
        assertThat(tickets.refusal(tickets.command(dora, channel, "add").option("target", dora)))
                .startsWith("Only the ticket's opener and the staff");
        assertThat(tickets.run(tickets.command(tickets.sam, channel, "remove").option("target", dora)).content())
                .isEqualTo("<@" + dora.id() + "> was removed from the ticket.");
        assertThat(sees(channel, dora)).isFalse();
        tickets.run(tickets.command(carl, channel, "close"));
        awaitTrue(channel::deleted, "the ticket's channel deleted");
    }

    @Test
    void missingBotPermissionsAndAFullCategoryAreRefusedWithNothingLeftBehind() {
        User erin = tickets.member("erin");
        tickets.category("Reports");
        int channelsBefore = tickets.fixture.guild.textChannels().size();
        long botPermissions = tickets.fixture.guild.botRole().permissions();
        tickets.fixture.guild.botRole().setPermissions((1L << 10) | (1L << 11) | (1L << 16));
        try {
            assertThat(tickets.refusal(tickets.command(erin, "new").option("category", "Reports")))
                    .contains("Manage Channels");
        } finally {
            tickets.fixture.guild.botRole().setPermissions(botPermissions);
        }
        org.hotcog.emulator.Category full = tickets.fixture.guild.createCategory("Full");
        for (int i = 0; i < 50; i++) {
            tickets.fixture.guild.createTextChannel("filler-" + i, full);
        }
        tickets.category("Overflow", "discord-category", full);
        int withFiller = tickets.fixture.guild.textChannels().size();
        assertThat(tickets.refusal(tickets.command(erin, "new").option("category", "Overflow")))
                .startsWith("The Discord category of Overflow is full");
        assertThat(tickets.fixture.guild.textChannels()).hasSize(withFiller);
        tickets.run(tickets.command(tickets.owner, "ticketcategory").subcommand("edit").option("category", "Overflow")
                .option("fallback-category", tickets.ticketsCategory));
        TextChannel channel = tickets.open(erin, "Overflow");
        assertThat(channel.name()).startsWith("ticket-");
        assertThat(channelsBefore).isLessThan(withFiller);
        tickets.run(tickets.command(erin, channel, "close"));
        awaitTrue(channel::deleted, "the ticket's channel deleted");
    }

    @Test
    void aPrivateThreadTicketShowsToItsMembersOnlyAndIsArchivedOnClose() {
        User lena = tickets.member("lena");
        User olly = tickets.member("oscar");
        tickets.category("Private", "thread-channel", tickets.fixture.general);
        TextChannel thread = tickets.open(lena, "Private");
        assertThat(thread.thread()).isTrue();
        assertThat(thread.privateThread()).isTrue();
        // the opener is added, the staff join through the role mention of the opening message
        awaitTrue(() -> sees(thread, tickets.sam), "the staff in the thread");
        assertThat(sees(thread, lena)).isTrue();
        assertThat(sees(thread, olly)).isFalse();
        assertThat(tickets.refusal(tickets.command(lena, thread, "add").option("target", tickets.support)))
                .isEqualTo("Roles cannot join a private thread; add its members one by one.");
        assertThat(tickets.run(tickets.command(lena, thread, "add").option("target", olly)).content())
                .isEqualTo("<@" + olly.id() + "> was added to the ticket.");
        assertThat(sees(thread, olly)).isTrue();
        tickets.run(tickets.command(tickets.sam, thread, "forceclose").option("reason", "solved"));
        awaitTrue(() -> thread.archived() && thread.locked(), "the thread archived and locked");
        assertThat(thread.deleted()).isFalse();
        awaitMessage(tickets.log, m -> m.embeds().toString().contains("<@" + lena.id() + ">")
                && m.attachments().size() == 2);
    }

    /** The next event of the topic about a ticket of {@code opener}; others are skipped. */
    private static Event awaitEvent(String topic, User opener) {
        return await(() -> {
            try {
                return Optional.ofNullable(events.poll(100, TimeUnit.MILLISECONDS)).filter(
                        e -> e.getTopic().equals(topic) && Long.valueOf(opener.id()).equals(e.getProperty(
                                TicketTopics.OPENER_ID)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }, topic + " of a ticket of " + opener.name());
    }
}
