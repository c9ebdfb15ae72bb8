package org.hotcog.itest.framework.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.hotcog.emulator.Guild;
import org.hotcog.emulator.TextChannel;
import org.hotcog.itest.framework.TestBundles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Command sync to development guilds ({@code devGuilds}) instead of globally: a bot that synced
 * globally moves its commands to the guilds and takes the global ones away, each guild costs one
 * bulk overwrite per burst of changes, a reconnect with the same commands writes nothing, and a
 * stopped feature's commands leave the guilds and come back. A guild taken off the development
 * guilds, and all of them when the bot goes back to global commands, is emptied.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DevGuildSyncTest {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final Set<String> CORE = Set.of("ping", "help", "about");
    /** Past the sync's debounce, so that a write it would still make has been made. */
    static final long SETTLE_MILLIS = 2_500;

    static DiscordFixture fixture;
    static Guild lab;
    static TextChannel labChannel;
    static Bundle feature;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        lab = fixture.discord.createGuild("Lab");
        lab.addMember(fixture.alice);
        labChannel = lab.createTextChannel("tests");
        feature = context.installBundle("itest:dev-guild-swap", TestBundles.swapFeature("1.0.0"));
        feature.start();
    }

    @AfterAll
    static void tearDown() throws Exception {
        feature.uninstall();
        fixture.close();
    }

    @Test
    @Order(1)
    void switchingFromGlobalToDevGuildsMovesTheCommandsWithOneWriteEach() throws Exception {
        assertThat(fixture.awaitCommands(Set.of("ping", "swap"), true)).contains("ping", "swap");
        Thread.sleep(SETTLE_MILLIS);
        int writes = fixture.discord.commandWrites();

        fixture.connect(new long[] {fixture.guild.id(), lab.id()});

        assertThat(fixture.awaitCommands(fixture.guild, Set.of("ping", "swap"), true)).containsAll(CORE)
                .contains("swap", "echo");
        assertThat(fixture.awaitCommands(lab, Set.of("ping", "swap"), true)).containsAll(CORE)
                .contains("swap", "echo");
        assertThat(fixture.awaitCommands(Set.of("ping", "swap"), false)).isEmpty();
        Thread.sleep(SETTLE_MILLIS);
        // one bulk overwrite in each development guild, one emptying the global commands
        assertThat(fixture.discord.commandWrites()).isEqualTo(writes + 3);

        assertThat(fixture.discord.slashCommand(fixture.alice, labChannel, "swap").awaitReply(WAIT).content())
                .isEqualTo("swap 1.0.0");
        assertThat(fixture.discord.slashCommand(fixture.alice, fixture.general, "ping").awaitReply(WAIT).content())
                .startsWith("Pong!");
    }

    @Test
    @Order(2)
    void reconnectingWithTheSameCommandsWritesNothing() throws Exception {
        int writes = fixture.discord.commandWrites();
        fixture.reconnect(new long[] {fixture.guild.id(), lab.id()});
        assertThat(fixture.discord.slashCommand(fixture.alice, labChannel, "ping").awaitReply(WAIT).content())
                .startsWith("Pong!");
        Thread.sleep(SETTLE_MILLIS);
        assertThat(fixture.discord.commandWrites()).isEqualTo(writes);
    }

    @Test
    @Order(3)
    void aStoppedFeaturesCommandsLeaveTheDevGuildsAndComeBack() throws Exception {
        int writes = fixture.discord.commandWrites();
        feature.stop();
        assertThat(fixture.awaitCommands(fixture.guild, Set.of("swap"), false)).doesNotContain("swap")
                .containsAll(CORE);
        assertThat(fixture.awaitCommands(lab, Set.of("swap"), false)).doesNotContain("swap").containsAll(CORE);
        Thread.sleep(SETTLE_MILLIS);
        assertThat(fixture.discord.commandWrites()).isEqualTo(writes + 2);

        feature.start();
        assertThat(fixture.awaitCommands(fixture.guild, Set.of("swap"), true)).contains("swap");
        assertThat(fixture.awaitCommands(lab, Set.of("swap"), true)).contains("swap");
        Thread.sleep(SETTLE_MILLIS);
        assertThat(fixture.discord.commandWrites()).isEqualTo(writes + 4);
        assertThat(fixture.registered(null)).isEmpty();
        assertThat(fixture.discord.slashCommand(fixture.alice, labChannel, "swap").awaitReply(WAIT).content())
                .isEqualTo("swap 1.0.0");
    }

    @Test
    @Order(4)
    void aGuildTakenOffTheDevGuildsLosesItsCommands() throws Exception {
        fixture.awaitCommands(lab, Set.of("swap"), true);
        Thread.sleep(SETTLE_MILLIS);
        int writes = fixture.discord.commandWrites();

        fixture.connect(new long[] {lab.id()});

        assertThat(fixture.awaitCommands(fixture.guild, Set.of("ping", "swap"), false)).isEmpty();
        Thread.sleep(SETTLE_MILLIS);
        assertThat(fixture.registered(lab)).containsAll(CORE).contains("swap");
        assertThat(fixture.registered(null)).isEmpty();
        assertThat(fixture.discord.commandWrites()).isEqualTo(writes + 1);
    }

    @Test
    @Order(5)
    void switchingBackToGlobalLeavesNoCommandInTheFormerDevGuilds() throws Exception {
        int writes = fixture.discord.commandWrites();

        fixture.connect(new long[0]);

        assertThat(fixture.awaitCommands(Set.of("ping", "swap"), true)).containsAll(CORE).contains("swap");
        assertThat(fixture.awaitCommands(lab, Set.of("ping", "swap"), false)).isEmpty();
        Thread.sleep(SETTLE_MILLIS);
        assertThat(fixture.registered(fixture.guild)).isEmpty();
        // one global bulk overwrite, one emptying the last development guild
        assertThat(fixture.discord.commandWrites()).isEqualTo(writes + 2);
        assertThat(fixture.discord.slashCommand(fixture.alice, labChannel, "swap").awaitReply(WAIT).content())
                .isEqualTo("swap 1.0.0");
    }
}
