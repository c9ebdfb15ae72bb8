package org.hotcog.itest.framework.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hotcog.emulator.InteractionResponse;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * A feature bundle stopped, started and updated while users keep using it: its commands leave
 * Discord when the operator stops it and come back, stay while it is only away to come back, and under a steady stream of interactions no interaction is lost or
 * fails while the bundle is updated again and again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotSwapTest {
    static final Duration WAIT = DiscordFixture.WAIT;
    static DiscordFixture fixture;
    static Bundle feature;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        feature = context.installBundle("itest:swap", org.hotcog.itest.framework.TestBundles.swapFeature("1.0.0"));
        feature.start();
    }

    @AfterAll
    static void tearDown() throws Exception {
        feature.uninstall();
        fixture.close();
    }

    @Test
    @Order(1)
    void stoppedFeatureCommandsLeaveAndComeBack() throws Exception {
        assertThat(fixture.awaitCommands(Set.of("swap"), true)).contains("swap");
        assertThat(fixture.discord.slashCommand(fixture.alice, fixture.general, "swap").awaitReply(WAIT).content())
                .isEqualTo("swap 1.0.0");

        feature.stop();
        assertThat(fixture.awaitCommands(Set.of("swap"), false)).doesNotContain("swap").contains("ping");

        feature.start();
        assertThat(fixture.awaitCommands(Set.of("swap"), true)).contains("swap");
        assertThat(fixture.discord.slashCommand(fixture.alice, fixture.general, "swap").awaitReply(WAIT).content())
                .isEqualTo("swap 1.0.0");
    }

    @Test
    @Order(2)
    void updatesUnderLoadLoseNoInteraction(@InjectBundleContext BundleContext context) throws Exception {
        AtomicBoolean swapping = new AtomicBoolean(true);
        ExecutorService users = Executors.newFixedThreadPool(4);
        List<Future<List<InteractionResult>>> streams = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(4);
        for (int u = 0; u < 4; u++) {
            streams.add(users.submit(() -> {
                List<InteractionResult> sent = new ArrayList<>();
                started.countDown();
                while (swapping.get() && sent.size() < 2_000) {
                    sent.add(fixture.discord.slashCommand(fixture.alice, fixture.general, "swap"));
                    Thread.sleep(10);
                }
                return sent;
            }));
        }
        started.await();
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        for (int version = 1; version <= 20; version++) {
            feature.update(org.hotcog.itest.framework.TestBundles.swapFeature("1.0." + version));
            CountDownLatch refreshed = new CountDownLatch(1);
            wiring.refreshBundles(List.of(feature), event -> refreshed.countDown());
            refreshed.await();
            Thread.sleep(100);
        }
        swapping.set(false);
        List<InteractionResult> all = new ArrayList<>();
        for (Future<List<InteractionResult>> stream : streams) {
            all.addAll(stream.get());
        }
        users.shutdown();

        assertThat(all).hasSizeGreaterThan(100);
        for (InteractionResult result : all) {
            String answer = result.awaitReply(WAIT).content();
            assertThat(answer).as("interaction %d", result.id()).matches("swap 1\\.0\\.([0-9]|1[0-9]|20)");
            assertThat(result.errors()).isEmpty();
        }
        assertThat(fixture.awaitCommands(Set.of("swap"), true)).contains("swap");
    }

    @Test
    @Order(3)
    void interactionForAStoppedModuleWaitsThenSaysItIsUnavailable() throws Exception {
        fixture.awaitCommands(Set.of("swap"), true);
        feature.stop();
        // Sent before the sync takes the command out of Discord, as a user with an open client would.
        InteractionResult late = fixture.discord.slashCommand(fixture.alice, fixture.general, "swap");
        assertThat(late.awaitResponse(WAIT).type()).isEqualTo(InteractionResponse.DEFERRED_CHANNEL_MESSAGE);
        // the public "thinking…" of the wait makes way for a private answer
        Message unavailable = late.awaitFollowUps(1, WAIT).get(0);
        assertThat(unavailable.content()).isEqualTo("The swap module is unavailable right now. Please try again later.");
        assertThat(unavailable.ephemeral()).isTrue();
        assertThat(late.original()).get().satisfies(thinking -> assertThat(thinking.deleted()).isTrue());
        feature.start();
        assertThat(fixture.awaitCommands(Set.of("swap"), true)).contains("swap");
    }

    /**
     * A module that stops to come back (as in an update, whose new version may take longer to start than the
     * command sync waits for changes to settle) keeps its commands in Discord: nothing is written while it is away;
     * if it does not come back, its commands leave once the dispatcher has stopped waiting for it.
     */
    @Test
    @Order(4)
    void aModuleStoppedToComeBackKeepsItsCommands() throws Exception {
        fixture.awaitCommands(Set.of("swap"), true);
        int writes = fixture.discord.commandWrites();

        feature.stop(Bundle.STOP_TRANSIENT);
        Thread.sleep(3_000); // twice the sync's debounce
        assertThat(fixture.registered(null)).contains("swap");
        feature.start(Bundle.START_TRANSIENT);
        assertThat(fixture.discord.slashCommand(fixture.alice, fixture.general, "swap").awaitReply(WAIT).content())
                .startsWith("swap 1.0.");
        Thread.sleep(3_000);
        assertThat(fixture.discord.commandWrites()).as("command writes while the module was away").isEqualTo(writes);

        feature.stop(Bundle.STOP_TRANSIENT);
        assertThat(fixture.awaitCommands(Set.of("swap"), false)).doesNotContain("swap").contains("ping");
        feature.start(Bundle.START_TRANSIENT);
        assertThat(fixture.awaitCommands(Set.of("swap"), true)).contains("swap");
    }
}
