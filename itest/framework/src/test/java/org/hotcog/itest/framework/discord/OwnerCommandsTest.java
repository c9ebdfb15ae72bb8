package org.hotcog.itest.framework.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.hotcog.emulator.Choice;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.TestBundles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/** {@code /modules}: module operations from Discord, for the owners named in the configuration only. */
class OwnerCommandsTest {
    static final Duration WAIT = DiscordFixture.WAIT;
    static final String FEATURE = "org.hotcog.itest.ownerswap";
    static DiscordFixture fixture;
    static Bundle feature;
    static User admin;
    static Path configFile;

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
        fixture.requireCommands(Set.of("modules", "swap"));
    }

    @AfterAll
    static void tearDown() throws Exception {
        feature.uninstall();
        Files.writeString(configFile, "");
        fixture.close();
    }

    @Test
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
    void othersAreRefusedAndSeeNoModules() throws Exception {
        Message refused = fixture.discord.command(admin, fixture.general, "modules").subcommand("stop")
                .option("module", FEATURE).send().awaitReply(WAIT);
        assertThat(refused.content()).isEqualTo("Only the bot's owners may manage modules.");
        assertThat(refused.flags() & Message.EPHEMERAL).isNotZero();
        assertThat(feature.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(fixture.discord.command(admin, fixture.general, "modules").subcommand("stop")
                .autocomplete("module", "")).isEmpty();
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
