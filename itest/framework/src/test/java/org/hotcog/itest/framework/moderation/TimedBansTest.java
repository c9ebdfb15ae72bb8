package org.hotcog.itest.framework.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.moderation.ModerationGuild.caseNumber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Temporary bans end by themselves: the moderation module schedules the unban as a durable job of
 * the guild, which lifts the ban and records an automatic case, also when the module was stopped
 * at the due time. Durations are Discord's shortest, a minute; waits are generous, never asserted.
 */
class TimedBansTest {
    private static final Duration LIFT_WAIT = Duration.ofMinutes(3);
    private static ModerationGuild mod;
    private static TextChannel modlog;

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    DataSource database;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin) throws Exception {
        mod = new ModerationGuild(configurationAdmin);
        modlog = mod.guild.createTextChannel("mod-log");
        mod.run(mod.command(mod.owner, "modlog").subcommand("set").option("channel", modlog));
    }

    @AfterAll
    static void tearDown() throws Exception {
        mod.close();
    }

    @Test
    void aTemporaryBanIsLiftedAtItsEndAsAnAutomaticCaseInTheModlog() throws Exception {
        User nina = mod.member("nina");
        int ban = caseNumber(mod.run(mod.command(mod.moderator, "ban").option("user", nina).option("duration", "1m")));
        assertThat(unbanDue(nina)).as("the unban is scheduled").isTrue();

        awaitNotBanned(nina);

        Message post = awaitUnbanPost(nina);
        assertThat(post.embeds().get(0).get("fields").toString()).contains("Temporary ban ended (case #" + ban + ")");
        assertThat(automaticUnbans(nina)).isEqualTo(1);
        awaitJobDone(nina);
    }

    @Test
    void aBanDueWhileTheModuleIsStoppedIsLiftedWhenItStartsAgain() throws Exception {
        User omar = mod.member("omar");
        mod.run(mod.command(mod.moderator, "ban").option("user", omar).option("duration", "1m"));
        Bundle moderation = Arrays.stream(context.getBundles())
                .filter(b -> "org.hotcog.moderation".equals(b.getSymbolicName())).findFirst().orElseThrow();
        moderation.stop();
        try {
            // Well past the due time: the ban stays while nobody runs the job.
            Thread.sleep(Duration.ofSeconds(75).toMillis());
            assertThat(mod.guild.bans()).anyMatch(b -> b.user().equals(omar));
        } finally {
            moderation.start();
            // Its commands come back too; the other tests of this class use them.
            mod.fixture.requireCommands(ModerationGuild.COMMANDS);
        }

        awaitNotBanned(omar);
        awaitUnbanPost(omar);
        assertThat(automaticUnbans(omar)).isEqualTo(1);
    }

    @Test
    void unbanningByHandCancelsTheScheduledUnban() throws Exception {
        User pia = mod.member("pia");
        mod.run(mod.command(mod.moderator, "ban").option("user", pia).option("duration", "1m"));
        assertThat(unbanDue(pia)).isTrue();

        mod.run(mod.command(mod.moderator, "unban").option("user", pia));

        assertThat(unbanDue(pia)).as("the unban job is cancelled").isFalse();
        assertThat(automaticUnbans(pia)).isZero();
    }

    private void awaitNotBanned(User user) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LIFT_WAIT.toMillis();
        while (mod.guild.bans().stream().anyMatch(b -> b.user().equals(user)) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(mod.guild.bans()).as("bans after the temporary ban's end").noneMatch(b -> b.user().equals(user));
    }

    /** The job finishes just after the case is posted. */
    private void awaitJobDone(User user) throws InterruptedException, SQLException {
        long deadline = System.currentTimeMillis() + ModerationGuild.WAIT.toMillis();
        while (unbanDue(user) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(unbanDue(user)).as("the unban job is done").isFalse();
    }

    /** The modlog post of the user's unban case, waiting for it. */
    private static Message awaitUnbanPost(User user) throws InterruptedException {
        long deadline = System.currentTimeMillis() + ModerationGuild.WAIT.toMillis();
        while (System.currentTimeMillis() < deadline) {
            for (Message post : modlog.messages()) {
                Object title = post.embeds().isEmpty() ? null : post.embeds().get(0).get("title");
                if (title != null && title.toString().startsWith("Unban | Case #")
                        && post.embeds().get(0).get("fields").toString().contains("<@" + user.id() + ">")) {
                    return post;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no unban of " + user.name() + " in the modlog");
    }

    private boolean unbanDue(User user) throws SQLException {
        return count("SELECT COUNT(*) FROM hotcog_job WHERE module = 'moderation' AND kind = 'unban' AND job_key = ?"
                + " AND guild_id = ?", mod.guild.id() + ":" + user.id(), mod.guild.id()) > 0;
    }

    private int automaticUnbans(User user) throws SQLException {
        return count("SELECT COUNT(*) FROM moderation_case WHERE action = 'unban' AND automatic AND target_id = ?"
                + " AND guild_id = ?", user.id(), mod.guild.id());
    }

    private int count(String sql, Object... parameters) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
