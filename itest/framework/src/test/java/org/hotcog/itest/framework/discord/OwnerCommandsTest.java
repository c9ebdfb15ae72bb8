package org.hotcog.itest.framework.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.hotcog.emulator.Choice;
import org.hotcog.emulator.InteractionResult;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.User;
import org.hotcog.itest.fixture.SwapCommand;
import org.hotcog.itest.framework.HttpAccess;
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
 * {@code /modules}: module operations from Discord, for the owners named in the configuration only.
 * The rollback comes last: it leaves the feature a previous version.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OwnerCommandsTest {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final String FEATURE = "org.hotcog.itest.ownerswap";
    static DiscordFixture fixture;
    static Bundle feature;
    static User admin;
    static Path configFile;
    static HttpAccess api;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin,
            @InjectBundleContext BundleContext context) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        // A server administrator who is not an owner sees the command but may not use it.
        admin = fixture.discord.createUser("server-admin");
        fixture.guild.addMember(admin);
        Role administrators = fixture.guild.createRole("Administrators", 1L << 3);
        fixture.guild.addRole(admin, administrators);
        fixture.guild.addRole(fixture.alice, administrators);
        configFile = Path.of(context.getProperty("hotcog.config.file"));
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, "owner.ids=" + fixture.alice.id() + "\n");
        feature = context.installBundle("itest:ownerswap",
                new ByteArrayInputStream(TestBundles.feature(FEATURE, "1.0.0", false)));
        feature.start();
        api = HttpAccess.connect(context);
        fixture.requireCommands(Set.of("modules", "swap"));
    }

    /** Uninstalled through the module manager, so that the jars it keeps for rollbacks go too. */
    @AfterAll
    static void tearDown() throws Exception {
        api.send("DELETE", "modules/" + feature.getBundleId());
        Files.writeString(configFile, "");
        fixture.close();
    }

    @Test
    @Order(1)
    void ownersStopAndStartAModuleWhoseCommandsLeaveAndComeBack() throws Exception {
        Message list = awaitOwnerAnswer(fixture.discord.command(fixture.alice, fixture.general, "modules")
                .subcommand("list"));
        assertThat(list.flags() & Message.EPHEMERAL).isNotZero();
        assertThat(list.embeds().get(0).toString()).contains("swap").contains("1.0.0").contains("active");

        List<Choice> choices = fixture.discord.command(fixture.alice, fixture.general, "modules").subcommand("stop")
                .autocomplete("module", "sw");
        assertThat(choices).extracting(Choice::value).contains(FEATURE);

        Message stopped = fixture.discord.command(fixture.alice, fixture.general, "modules").subcommand("stop")
                .option("module", FEATURE).send().awaitOriginal(WAIT, m -> m.content().startsWith("Done"));
        assertThat(stopped.content()).contains("stop swap").contains("resolved");
        assertThat(feature.getState()).isEqualTo(Bundle.RESOLVED);
        assertThat(fixture.awaitCommands(Set.of("swap"), false)).doesNotContain("swap").contains("modules");

        fixture.discord.command(fixture.alice, fixture.general, "modules").subcommand("start")
                .option("module", FEATURE).send().awaitOriginal(WAIT, m -> m.content().startsWith("Done"));
        assertThat(fixture.awaitCommands(Set.of("swap"), true)).contains("swap");
        assertThat(fixture.discord.slashCommand(fixture.alice, fixture.general, "swap").awaitReply(WAIT).content())
                .isEqualTo("swap 1.0.0");

        Message rollback = fixture.discord.command(fixture.alice, fixture.general, "modules")
                .subcommand("rollback").option("module", "swap").send()
                .awaitOriginal(WAIT, m -> m.content().startsWith("Could not"));
        assertThat(rollback.content()).contains("no previous version");
        assertThat(rollback.flags() & Message.EPHEMERAL).isNotZero();
    }

    @Test
    @Order(2)
    void ownersReloadAModuleAfresh() throws Exception {
        Class<?> before = feature.loadClass(SwapCommand.class.getName());
        Message reloaded = owner("reload", FEATURE).awaitOriginal(WAIT, m -> m.content().startsWith("Done"));
        assertThat(reloaded.content()).isEqualTo("Done: reload swap. It is now version 1.0.0, active.");
        assertThat(reloaded.flags() & Message.EPHEMERAL).isNotZero();
        assertThat(feature.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(feature.loadClass(SwapCommand.class.getName())).as("a new class loader").isNotSameAs(before);
        fixture.requireCommands(Set.of("swap"));
        assertThat(fixture.discord.slashCommand(fixture.alice, fixture.general, "swap").awaitReply(WAIT).content())
                .isEqualTo("swap 1.0.0");
    }

    @Test
    @Order(3)
    void ownersRollAnUpdateBack() throws Exception {
        HttpResponse<String> updated = api.upload("modules/" + feature.getBundleId() + "/update",
                TestBundles.feature(FEATURE, "1.1.0", false));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(awaitSwapAnswer("swap 1.1.0")).isEqualTo("swap 1.1.0");

        Message rolledBack = owner("rollback", "swap").awaitOriginal(WAIT, m -> m.content().startsWith("Done"));
        assertThat(rolledBack.content()).isEqualTo("Done: rollback swap. It is now version 1.0.0, active.");
        assertThat(rolledBack.flags() & Message.EPHEMERAL).isNotZero();
        assertThat(feature.getVersion().toString()).isEqualTo("1.0.0");
        assertThat(awaitSwapAnswer("swap 1.0.0")).isEqualTo("swap 1.0.0");
        assertThat(api.json("GET", "audit?limit=20").toString())
                .contains("discord:" + fixture.alice.id()).contains("rollback " + FEATURE + " 1.1.0 to 1.0.0");
    }

    @Test
    @Order(4)
    void othersAreRefusedAndSeeNoModules() throws Exception {
        Message refused = fixture.discord.command(admin, fixture.general, "modules").subcommand("stop")
                .option("module", FEATURE).send().awaitReply(WAIT);
        assertThat(refused.content()).isEqualTo("Only the bot's owners may manage modules.");
        assertThat(refused.flags() & Message.EPHEMERAL).isNotZero();
        assertThat(feature.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(fixture.discord.command(admin, fixture.general, "modules").subcommand("stop")
                .autocomplete("module", "")).isEmpty();
    }

    /** Alice, an owner, runs {@code /modules <operation> module:<module>}. */
    private static InteractionResult owner(String operation, String module) throws Exception {
        return fixture.discord.command(fixture.alice, fixture.general, "modules").subcommand(operation)
                .option("module", module).send();
    }

    /**
     * What {@code /swap} answers once it answers {@code expected}: the command is the same across
     * versions, so Discord's copy does not change, but the version that answers it does.
     */
    private static String awaitSwapAnswer(String expected) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        String answer = fixture.discord.slashCommand(fixture.alice, fixture.general, "swap").awaitReply(WAIT).content();
        while (!expected.equals(answer) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            answer = fixture.discord.slashCommand(fixture.alice, fixture.general, "swap").awaitReply(WAIT).content();
        }
        return answer;
    }

    /** The configuration file is read a moment after it is written: retry until the owner is known. */
    private static Message awaitOwnerAnswer(org.hotcog.emulator.CommandInvocation command) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        Message answer = command.send().awaitReply(WAIT);
        while (answer.content() != null && answer.content().startsWith("Only the bot's owners")
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
            answer = command.send().awaitReply(WAIT);
        }
        return answer;
    }
}
