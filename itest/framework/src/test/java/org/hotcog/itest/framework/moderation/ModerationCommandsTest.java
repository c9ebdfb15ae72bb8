package org.hotcog.itest.framework.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.moderation.ModerationGuild.WAIT;
import static org.hotcog.itest.framework.moderation.ModerationGuild.caseNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotcog.emulator.Choice;
import org.hotcog.emulator.Message;
import org.hotcog.emulator.Role;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * The moderation commands as moderators and members use them in the local Discord: each action
 * and what it changed in the guild, each refusal with its message, escalation, DMs and the modlog.
 */
class ModerationCommandsTest {
    static ModerationGuild mod;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin) throws Exception {
        mod = new ModerationGuild(configurationAdmin);
    }

    @AfterAll
    static void tearDown() throws Exception {
        mod.close();
    }

    @Test
    void kickRemovesTheMemberAndNumbersTheCase() {
        User bob = mod.member("bob");
        Message answer = mod.run(mod.command(mod.moderator, "kick").option("member", bob).option("reason", "rude"));
        assertThat(answer.content()).matches("\\*\\*bob\\*\\* was kicked \\(case #\\d+\\)\\. Reason: rude");
        assertThat(answer.ephemeral()).isFalse();
        assertThat(mod.guild.isMember(bob)).isFalse();

        User bob2 = mod.member("bob2");
        int next = caseNumber(mod.run(mod.command(mod.moderator, "kick").option("member", bob2)));
        assertThat(next).isEqualTo(caseNumber(answer) + 1);
    }

    @Test
    void banDeletesMessagesAndRecordsTheDurationThenUnbanLiftsIt() {
        User carol = mod.member("carol");
        Message spam = mod.fixture.general.post(carol, "buy cheap stuff");
        Message answer = mod.run(mod.command(mod.moderator, "ban").option("user", carol).option("delete-messages", 1)
                .option("duration", "7d").option("reason", "spam"));
        assertThat(answer.content()).startsWith("**carol** was banned for 7d (case #").endsWith("Reason: spam");
        assertThat(mod.guild.bans()).anySatisfy(ban -> {
            assertThat(ban.user()).isEqualTo(carol);
            assertThat(ban.reason()).isEqualTo("mod: spam");
        });
        assertThat(spam.deleted()).isTrue();

        Message unban = mod.run(mod.command(mod.moderator, "unban").option("user", carol));
        assertThat(unban.content()).startsWith("**carol** was unbanned (case #");
        assertThat(mod.guild.bans()).noneMatch(ban -> ban.user().equals(carol));

        Message again = mod.run(mod.command(mod.moderator, "unban").option("user", carol));
        assertThat(again.content()).isEqualTo("carol is not banned.");
        assertThat(again.ephemeral()).isTrue();
    }

    @Test
    void softbanRemovesTheMemberAndTheirMessagesWithoutABan() {
        User dave = mod.member("dave");
        Message message = mod.fixture.general.post(dave, "spam spam");
        Message answer = mod.run(mod.command(mod.moderator, "softban").option("member", dave));
        assertThat(answer.content()).startsWith("**dave** was softbanned (case #");
        assertThat(mod.guild.isMember(dave)).isFalse();
        assertThat(mod.guild.bans()).noneMatch(ban -> ban.user().equals(dave));
        assertThat(message.deleted()).isTrue();
    }

    @Test
    void timeoutAndUntimeout() {
        User erin = mod.member("erin");
        Message answer = mod.run(mod.command(mod.moderator, "timeout").option("member", erin).option("duration", "1d12h"));
        assertThat(answer.content()).startsWith("**erin** was timed out for 1d 12h (case #");
        Instant until = mod.guild.member(erin).timeoutUntil().orElseThrow();
        assertThat(until).isBetween(Instant.now().plus(Duration.ofHours(35)), Instant.now().plus(Duration.ofHours(37)));

        assertThat(mod.run(mod.command(mod.moderator, "untimeout").option("member", erin)).content())
                .startsWith("**erin** was released from timeout (case #");
        assertThat(mod.guild.member(erin).timeoutUntil()).isEmpty();
        assertThat(mod.run(mod.command(mod.moderator, "untimeout").option("member", erin)).content())
                .isEqualTo("erin is not timed out.");
    }

    @Test
    void badDurationsAreRefusedWithTheExpectedForm() {
        User fred = mod.member("fred");
        Message unreadable = mod.run(mod.command(mod.moderator, "timeout").option("member", fred)
                .option("duration", "forever"));
        assertThat(unreadable.content()).isEqualTo(
                "\"forever\" is not a duration: use a number and a unit, like 10m, 2h or 1d12h (units: s, m, h, d, w).");
        assertThat(unreadable.ephemeral()).isTrue();
        Message tooLong = mod.run(mod.command(mod.moderator, "timeout").option("member", fred).option("duration", "29d"));
        assertThat(tooLong.content()).isEqualTo("The duration must be from 1m to 28d; \"29d\" is 29d.");
        assertThat(mod.guild.member(fred).timeoutUntil()).isEmpty();
    }

    @Test
    void refusalsForPermissionsHierarchyAndTheBotsOwnLimits() {
        User target = mod.member("target");
        Message noPermission = mod.run(mod.command(mod.fixture.alice, "kick").option("member", target));
        assertThat(noPermission.content()).isEqualTo("You need the Kick Members permission or a moderator role to use this.");
        assertThat(noPermission.ephemeral()).isTrue();

        assertThat(mod.run(mod.command(mod.moderator, "ban").option("user", mod.moderator)).content())
                .isEqualTo("You cannot ban yourself.");
        assertThat(mod.run(mod.command(mod.moderator, "ban").option("user", mod.owner)).content())
                .isEqualTo("Nobody can ban the server owner.");
        assertThat(mod.run(mod.command(mod.moderator, "kick").option("member", mod.fixture.discord.botUser())).content())
                .isEqualTo("I will not kick myself.");
        // The seniors' role is above the moderators' role, and above the bot's.
        assertThat(mod.run(mod.command(mod.moderator, "kick").option("member", mod.senior)).content())
                .isEqualTo("You cannot kick senior: their highest role is not below yours.");
        assertThat(mod.run(mod.command(mod.owner, "kick").option("member", mod.senior)).content())
                .isEqualTo("I cannot kick senior: their highest role is not below mine. Move my role above theirs.");
        assertThat(mod.guild.isMember(target)).isTrue();
        assertThat(mod.guild.isMember(mod.senior)).isTrue();

        mod.guild.botRole().setPermissions(0);
        try {
            assertThat(mod.run(mod.command(mod.moderator, "kick").option("member", target)).content())
                    .isEqualTo("I need the Kick Members permission in this server to kick members.");
        } finally {
            mod.guild.botRole().setPermissions(1L << 3);
        }
        assertThat(mod.guild.isMember(target)).isTrue();
    }

    @Test
    void aModeratorRoleGrantsModerationAndAReasonCanBeRequired() {
        Role helpers = mod.guild.createRole("Helpers", 0);
        User helper = mod.member("helper");
        mod.guild.addRole(helper, helpers);
        User gabe = mod.member("gabe");
        assertThat(mod.run(mod.command(helper, "warn").option("member", gabe)).content())
                .isEqualTo("You need the Timeout Members permission or a moderator role to use this.");

        Message added = settings(mod.command(mod.owner, "modsettings").subcommand("moderator-role")
                .option("change", "add").option("role", helpers));
        assertThat(added.embeds().get(0).toString()).contains("<@&" + helpers.id() + ">");
        settings(mod.command(mod.owner, "modsettings").subcommand("require-reason").option("enabled", true));
        try {
            Message noReason = mod.run(mod.command(helper, "warn").option("member", gabe));
            assertThat(noReason.content())
                    .isEqualTo("This server requires a reason for every action: add one with the reason option.");
            assertThat(mod.run(mod.command(helper, "warn").option("member", gabe).option("reason", "Spam")).content())
                    .startsWith("**gabe** was warned (case #");
        } finally {
            settings(mod.command(mod.owner, "modsettings").subcommand("require-reason").option("enabled", false));
            settings(mod.command(mod.owner, "modsettings").subcommand("moderator-role").option("change", "remove")
                    .option("role", helpers));
        }
    }

    @Test
    void warningsAddUpAreListedAndCanBeCleared() {
        User hank = mod.member("hank");
        Message first = mod.run(mod.command(mod.moderator, "warn").option("member", hank).option("points", 2)
                .option("reason", "Spam"));
        assertThat(first.content()).contains("was warned (case #").endsWith("Active warning points: 2 (+2).");
        Message second = mod.run(mod.command(mod.moderator, "warn").option("member", hank).option("reason", "Off-topic"));
        assertThat(second.content()).endsWith("Active warning points: 3 (+1).");

        List<Choice> presets = mod.command(mod.moderator, "warn").autocomplete("reason", "off");
        assertThat(presets).extracting(Choice::value).contains("Off-topic");

        Message own = mod.run(mod.command(hank, "warnings"));
        assertThat(own.ephemeral()).isTrue();
        assertThat(own.embeds().get(0).get("description").toString()).startsWith("Active points: **3** from 2 of 2");
        Message others = mod.run(mod.command(hank, "warnings").option("member", mod.moderator));
        assertThat(others.content()).isEqualTo("You may see your own warnings only: use /warnings without a member.");

        int warnCase = caseNumber(first);
        Message cleared = mod.run(mod.command(mod.moderator, "unwarn").option("case", warnCase));
        assertThat(cleared.content()).startsWith("**hank** was cleared of a warning (case #")
                .contains("Clears the warning of case #" + warnCase);
        Message seen = mod.run(mod.command(mod.moderator, "warnings").option("member", hank));
        assertThat(seen.embeds().get(0).get("description").toString()).startsWith("Active points: **1** from 1 of 2");
        assertThat(seen.embeds().get(0).toString()).contains("cleared by case #" + caseNumber(cleared));
        assertThat(mod.run(mod.command(mod.moderator, "unwarn").option("case", warnCase)).content())
                .isEqualTo("The warning of case #" + warnCase + " was cleared already, by case #"
                        + caseNumber(cleared) + ".");
    }

    @Test
    void reachingAThresholdTimesTheMemberOutAsACaseOfTheBot() {
        settings(mod.command(mod.owner, "modsettings").subcommand("escalation").option("points", 3)
                .option("action", "timeout").option("duration", "1h"));
        try {
            User ivan = mod.member("ivan");
            Message first = mod.run(mod.command(mod.moderator, "warn").option("member", ivan).option("points", 2));
            assertThat(first.content()).doesNotContain("Escalation");
            assertThat(mod.guild.member(ivan).timeoutUntil()).isEmpty();

            Message second = mod.run(mod.command(mod.moderator, "warn").option("member", ivan));
            assertThat(second.content()).contains("Escalation: ivan reached 3 points and was timed out for 1h (case #"
                    + (caseNumber(second) + 1) + ").");
            assertThat(mod.guild.member(ivan).timeoutUntil()).isPresent();
        } finally {
            settings(mod.command(mod.owner, "modsettings").subcommand("escalation").option("points", 3)
                    .option("action", "remove"));
        }
    }

    @Test
    void aWrongEscalationStepIsRefusedAndNothingChanges() {
        Message refused = mod.run(mod.command(mod.owner, "modsettings").subcommand("escalation").option("points", 5)
                .option("action", "timeout"));
        assertThat(refused.content()).isEqualTo("A timeout needs a duration from 1m to 28d.");
        Message shown = settings(mod.command(mod.owner, "modsettings").subcommand("show"));
        assertThat(shown.embeds().get(0).toString()).doesNotContain("5 points");
    }

    @Test
    void membersAreToldByDmWhenTheGuildWantsItAndClosedDmsDoNotStopTheAction() {
        settings(mod.command(mod.owner, "modsettings").subcommand("dm-before-action").option("enabled", true));
        try {
            User jack = mod.member("jack");
            Message answer = mod.run(mod.command(mod.moderator, "timeout").option("member", jack)
                    .option("duration", "10m").option("reason", "calm down"));
            assertThat(answer.content()).endsWith("They were told by DM.");
            assertThat(mod.fixture.discord.dmsOf(jack)).extracting(Message::content)
                    .containsExactly("You were timed out in **Test guild** for 10m.\nReason: calm down");

            User kate = mod.member("kate");
            kate.closeDms();
            Message closed = mod.run(mod.command(mod.moderator, "kick").option("member", kate));
            assertThat(closed.content()).startsWith("**kate** was kicked (case #")
                    .endsWith("I could not tell them by DM: they do not accept DMs from me.");
            assertThat(mod.guild.isMember(kate)).isFalse();
        } finally {
            settings(mod.command(mod.owner, "modsettings").subcommand("dm-before-action").option("enabled", false));
        }
    }

    @Test
    void casesArePostedToTheModlogAndTheirReasonCanBeCorrected() throws Exception {
        TextChannel modlog = mod.guild.createTextChannel("mod-log");
        Message set = settings(mod.command(mod.owner, "modlog").subcommand("set").option("channel", modlog));
        assertThat(set.content()).isEqualTo("New cases will be posted in <#" + modlog.id() + ">.");
        try {
            User liam = mod.member("liam");
            int number = caseNumber(mod.run(mod.command(mod.moderator, "warn").option("member", liam)
                    .option("reason", "Spam")));
            Message post = awaitPost(modlog, 1);
            Map<String, Object> embed = post.embeds().get(0);
            assertThat(embed.get("title")).isEqualTo("Warn | Case #" + number);
            assertThat(embed.get("fields").toString()).contains("liam (<@" + liam.id() + ">)")
                    .contains("mod (<@" + mod.moderator.id() + ">)").contains("Spam");

            Message corrected = mod.run(mod.command(mod.moderator, "case").subcommand("reason").option("number", number)
                    .option("reason", "Spam in #general"));
            assertThat(corrected.content()).isEqualTo("The reason of case #" + number + " is now: Spam in #general");
            assertThat(post.editCount()).isEqualTo(1);
            assertThat(post.embeds().get(0).get("fields").toString()).contains("Spam in #general");

            Message view = mod.run(mod.command(mod.moderator, "case").subcommand("view").option("number", number));
            assertThat(view.ephemeral()).isTrue();
            assertThat(view.embeds().get(0).get("fields").toString()).contains("Spam in #general");
            assertThat(mod.run(mod.command(mod.moderator, "case").subcommand("view").option("number", 99_999)).content())
                    .isEqualTo("This server has no case #99999.");
            assertThat(mod.run(mod.command(mod.fixture.alice, "case").subcommand("view").option("number", number))
                    .content()).startsWith("You need the Kick Members, Ban Members or Timeout Members permission");
        } finally {
            settings(mod.command(mod.owner, "modlog").subcommand("off"));
        }
    }

    /** A settings command of the owner: its answer is ephemeral. */
    private static Message settings(org.hotcog.emulator.CommandInvocation command) {
        Message answer = mod.run(command);
        assertThat(answer.ephemeral()).isTrue();
        return answer;
    }

    private static Message awaitPost(TextChannel channel, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        while (channel.messages().size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(channel.messages()).hasSizeGreaterThanOrEqualTo(count);
        return channel.messages().get(count - 1);
    }
}
