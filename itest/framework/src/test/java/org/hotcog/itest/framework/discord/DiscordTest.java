package org.hotcog.itest.framework.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.emulator.Choice;
import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.HttpAccess;
import org.hotcog.itest.framework.StandardErrorCapture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The core on the real JDA client over real sockets against the local Discord: connection,
 * command sync, every kind of interaction, and what the user sees when a handler is slow, refuses
 * or fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscordTest {
    static final Duration WAIT = DiscordFixture.WAIT;
    static DiscordFixture fixture;

    @BeforeAll
    static void connect(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
    }

    @AfterAll
    static void disconnect() throws Exception {
        fixture.close();
    }

    @Test
    @Order(1)
    void readyAndCommandsSyncedInOneWrite() throws Exception {
        Set<String> registered = fixture.awaitCommands(Set.of("ping", "help", "about", "echo", "panel"), true);
        assertThat(registered).contains("ping", "help", "about", "echo", "slow", "broken", "strict", "panel");
        Thread.sleep(2_000); // past the debounce: nothing more is written
        assertThat(fixture.discord.commandWrites()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void pingAboutAndHelpAnswer() throws Exception {
        fixture.requireCommands(Set.of("ping"));
        Message ping = fixture.discord.slashCommand(fixture.alice, fixture.general, "ping").awaitReply(WAIT);
        assertThat(ping.content()).startsWith("Pong! Gateway ").contains("REST");

        Message about = fixture.discord.slashCommand(fixture.alice, fixture.general, "about").awaitReply(WAIT);
        assertThat(about.embeds()).hasSize(1);
        assertThat(about.embeds().get(0).toString()).contains("Hotcog").contains("Uptime");

        Message help = fixture.discord.slashCommand(fixture.alice, fixture.general, "help").awaitReply(WAIT);
        assertThat(help.flags() & Message.EPHEMERAL).isNotZero();
        assertThat(help.embeds().get(0).toString()).contains("core").contains("/ping").contains("itest").contains("/echo");
        List<Choice> modules = fixture.discord.command(fixture.alice, fixture.general, "help").autocomplete("module", "it");
        assertThat(modules).extracting(Choice::name).containsExactly("itest");
    }

    @Test
    @Order(3)
    void optionsAndAutocomplete() {
        List<Choice> choices = fixture.discord.command(fixture.alice, fixture.general, "echo").autocomplete("word", "hi");
        assertThat(choices).extracting(Choice::name).containsExactly("hi1", "hi2", "hi3");
        Message reply = fixture.discord.command(fixture.alice, fixture.general, "echo").option("word", "hey")
                .option("times", 3).send().awaitReply(WAIT);
        assertThat(reply.content()).isEqualTo("hey hey hey");
    }

    @Test
    @Order(4)
    void slowHandlerIsDeferredThenCompleted() {
        InteractionResult slow = fixture.discord.slashCommand(fixture.alice, fixture.general, "slow");
        InteractionResponse first = slow.awaitResponse(Duration.ofSeconds(3));
        assertThat(first.type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        Message done = slow.awaitOriginal(WAIT, m -> "finally".equals(m.content()));
        assertThat(done.content()).isEqualTo("finally");
        assertThat(slow.errors()).isEmpty();
    }

    /**
     * Discord shows a deferred answer with the deferral's visibility, so a private answer after the core's public
     * "thinking…" replaces it: the public message goes, the answer comes as an ephemeral follow-up, and an edit of the
     * answer edits that follow-up.
     */
    @Test
    @Order(4)
    void privateAnswerAfterThePublicDeferralStaysPrivate() throws InterruptedException {
        InteractionResult slow = slowWith("private");
        Message answer = privateReplacement(slow);
        awaitContent(answer, "finally, for you (edited)");
        assertThat(fixture.general.messages()).noneMatch(m -> m.content().startsWith("finally"));
        assertThat(slow.followUps()).hasSize(1);
    }

    /** A handler's own deferral chooses who sees its answer, even when it comes after the core's. */
    @Test
    @Order(4)
    void aLatePrivateDeferralKeepsTheAnswerPrivate() {
        assertThat(privateReplacement(slowWith("deferred")).content()).isEqualTo("finally, deferred for you");
    }

    @Test
    @Order(4)
    void refusalAfterThePublicDeferralIsEphemeral() {
        assertThat(privateReplacement(slowWith("refusal")).content()).contains("not after all that waiting");
    }

    /** /slow answering the given way, once the core has deferred for it publicly. */
    private static InteractionResult slowWith(String answer) {
        InteractionResult slow = fixture.discord.command(fixture.alice, fixture.general, "slow")
                .option("answer", answer).send();
        assertThat(slow.awaitResponse(Duration.ofSeconds(3)).type())
                .isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        return slow;
    }

    /** The ephemeral follow-up that replaced the public "thinking…", which is deleted. */
    private static Message privateReplacement(InteractionResult slow) {
        Message answer = slow.awaitFollowUps(1, WAIT).get(0);
        assertThat(answer.ephemeral()).isTrue();
        assertThat(slow.original()).get().satisfies(thinking -> assertThat(thinking.deleted()).isTrue());
        assertThat(slow.errors()).isEmpty();
        return answer;
    }

    @Test
    @Order(5)
    void failureIsAShortEphemeralErrorWithAReferenceAndALoggedRow(@InjectBundleContext BundleContext context)
            throws Exception {
        InteractionResult broken = fixture.discord.slashCommand(fixture.alice, fixture.general, "broken");
        Message error = broken.awaitReply(WAIT);
        assertThat(error.flags() & Message.EPHEMERAL).isNotZero();
        assertThat(error.content()).startsWith("Something went wrong. (ref ").doesNotContain("secret internal detail")
                .doesNotContain("Exception");
        String reference = error.content().replaceAll(".*\\(ref (\\w+)\\).*", "$1");
        // The reference finds the interaction in the command log, as an operator looks it up.
        assertThat(awaitLogRow(HttpAccess.connect(context), reference))
                .isEqualTo("FAILED itest /broken " + fixture.alice.id());
    }

    @Test
    @Order(5)
    void aSecretInAFailuresMessageIsMaskedInTheLogAndTheCommandLog(@InjectBundleContext BundleContext context)
            throws Exception {
        String key = "ptlc_leaked_by_a_careless_module_0123456789";
        var reference = context.getServiceReference(SecretBox.class);
        String sealed = context.getService(reference).seal(key);
        context.ungetService(reference);
        try (StandardErrorCapture log = new StandardErrorCapture()) {
            Message error = fixture.discord.command(fixture.alice, fixture.general, "broken").option("sealed", sealed)
                    .send().awaitReply(WAIT);
            String correlation = error.content().replaceAll(".*\\(ref (\\w+)\\).*", "$1");
            HttpAccess api = HttpAccess.connect(context);
            assertThat(awaitLogRow(api, correlation)).startsWith("FAILED");
            String stored = api.json("GET", "command-log?correlation=" + correlation).get(0).path("error").asText();
            assertThat(stored).contains("the key was ptlc_…6789").doesNotContain(key);
            assertThat(log.text()).contains("the key was ptlc_…6789").doesNotContain(key);
        }
    }

    private static void awaitContent(Message message, String content) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!content.equals(message.content()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(message.content()).isEqualTo(content);
    }

    /** The command log row of an interaction: "outcome module command user", once the writer flushed it. */
    private static String awaitLogRow(HttpAccess api, String correlationId) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode rows = api.json("GET", "command-log?correlation=" + correlationId);
            if (!rows.isEmpty()) {
                JsonNode row = rows.get(0);
                return row.path("outcome").asText() + " " + row.path("module").asText() + " "
                        + row.path("command").asText() + " " + row.path("userId").asText();
            }
            Thread.sleep(100);
        }
        return null;
    }

    @Test
    @Order(6)
    void refusalAndCooldownAnswerEphemerally() {
        Message odd = fixture.discord.command(fixture.alice, fixture.general, "strict").option("number", 3).send()
                .awaitReply(WAIT);
        assertThat(odd.content()).isEqualTo("3 is odd; give an even number.");
        assertThat(odd.flags() & Message.EPHEMERAL).isNotZero();
        // A refused run does not use up the cooldown.
        Message even = fixture.discord.command(fixture.alice, fixture.general, "strict").option("number", 4).send()
                .awaitReply(WAIT);
        assertThat(even.content()).isEqualTo("even, thanks");
        Message again = fixture.discord.command(fixture.alice, fixture.general, "strict").option("number", 6).send()
                .awaitReply(WAIT);
        assertThat(again.content()).startsWith("Slow down! You can use this again in ").endsWith(" s.");
    }

    @Test
    @Order(7)
    void buttonUpdatesItsMessage() {
        Message panel = fixture.discord.slashCommand(fixture.alice, fixture.general, "panel").awaitReply(WAIT);
        assertThat(panel.content()).isEqualTo("pressed 0 times");
        InteractionResult click = fixture.discord.clickButton(fixture.alice, panel, "itest:press:0");
        assertThat(click.awaitResponse(WAIT).type()).isEqualTo(InteractionResponse.UPDATE_MESSAGE);
        assertThat(panel.content()).isEqualTo("pressed 1 times");
    }

    @Test
    @Order(8)
    void modalOpensAndItsSubmissionIsHandled() {
        InteractionResult opened = fixture.discord.command(fixture.alice, fixture.general, "panel").option("form", true)
                .send();
        assertThat(opened.awaitResponse(WAIT).type()).isEqualTo(InteractionResponse.MODAL);
        Message thanks = fixture.discord.submitModal(fixture.alice, opened, "itest:form:feedback",
                Map.of("words", "great bot")).awaitReply(WAIT);
        assertThat(thanks.content()).isEqualTo("thanks for \"great bot\" (feedback)");
    }

    @Test
    @Order(9)
    void droppedConnectionResumesWithoutLosingAnInteraction() {
        int resumes = fixture.discord.resumes();
        fixture.discord.dropGatewayConnections();
        Message reply = fixture.discord.command(fixture.alice, fixture.general, "echo").option("word", "again").send()
                .awaitReply(WAIT);
        assertThat(reply.content()).isEqualTo("again");
        assertThat(fixture.discord.resumes()).isGreaterThan(resumes);
    }

    @Test
    @Order(9)
    void gatewayEventsReachListenersOnTheirOwnThread(
            @InjectService(timeout = 20_000) MessageRecorder recorder) throws Exception {
        fixture.general.post(fixture.alice, "hello listeners");
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (recorder.seen().stream().noneMatch(line -> line.startsWith("alice: hello listeners"))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(recorder.seen()).anySatisfy(line -> assertThat(line)
                .startsWith("alice: hello listeners on hotcog-events-MessageRecorder"));
    }

    @Test
    @Order(10)
    void aPeopleOnlyListenerIsNotHandedBotMessages(@InjectService(timeout = 20_000) MessageRecorder everything,
            @InjectService(timeout = 20_000) PeopleRecorder people) throws Exception {
        User otherBot = fixture.discord.createBotUser("otherbot");
        fixture.guild.addMember(otherBot);
        fixture.general.post(otherBot, "beep");
        fixture.general.post(fixture.alice, "after the bot");
        // One listener's events come in order: once it has Alice's message, it has had the bot's if it gets it.
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (Stream.of(everything, people).anyMatch(r -> r.seen().stream().noneMatch(l -> l.startsWith("alice: after")))
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(everything.seen()).anySatisfy(line -> assertThat(line).startsWith("otherbot: beep"));
        assertThat(people.seen()).anySatisfy(line -> assertThat(line)
                .startsWith("alice: after the bot on hotcog-events-PeopleRecorder"));
        assertThat(people.seen()).noneSatisfy(line -> assertThat(line).startsWith("otherbot"));
    }

    @Test
    @Order(11)
    void reconnectingWithTheSameBundlesWritesNoCommands() throws Exception {
        int writes = fixture.discord.commandWrites();
        fixture.reconnect(new long[0]);
        Message reply = fixture.discord.slashCommand(fixture.alice, fixture.general, "ping").awaitReply(WAIT);
        assertThat(reply.content()).startsWith("Pong!");
        Thread.sleep(2_500); // past the sync's debounce
        assertThat(fixture.discord.commandWrites()).isEqualTo(writes);
    }
}
