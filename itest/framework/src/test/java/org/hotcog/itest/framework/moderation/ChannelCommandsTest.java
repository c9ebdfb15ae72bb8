package org.hotcog.itest.framework.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.moderation.ModerationGuild.ADD_REACTIONS;
import static org.hotcog.itest.framework.moderation.ModerationGuild.SEND_MESSAGES;
import static org.hotcog.itest.framework.moderation.ModerationGuild.caseNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hotcog.emulator.Message;
import org.hotcog.emulator.TextChannel;
import org.hotcog.emulator.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * The commands that act on a channel: purge with its filters and Discord's 14-day limit,
 * slowmode, lock and unlock; each a case of the channel, and refused to members without the
 * permission.
 */
class ChannelCommandsTest {
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
    void purgeDeletesTheLatestMatchingMessagesAndKeepsPinnedOnes() {
        TextChannel channel = mod.guild.createTextChannel("purge-filters");
        User bob = mod.member("bob");
        User carol = mod.member("carol");
        User robot = mod.fixture.discord.createBotUser("robot");
        mod.guild.addMember(robot);
        List<Message> bobs = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            bobs.add(channel.post(bob, "bob " + i));
            channel.post(carol, i % 2 == 0 ? "carol says BUY NOW" : "carol " + i);
        }
        Message robotSays = channel.post(robot, "beep");
        bobs.get(3).pin();

        Message fromBob = mod.run(mod.commandIn(channel, mod.moderator, "purge").option("count", 2).option("user", bob));
        assertThat(fromBob.ephemeral()).isTrue();
        assertThat(fromBob.content()).startsWith("Deleted 2 messages from bob in <#" + channel.id() + "> (case #")
                .endsWith("Pinned messages are kept (1).");
        // the newest of bob's is pinned: the two before it go
        assertThat(bobs).extracting(Message::deleted).containsExactly(false, true, true, false);

        Message byBots = mod.run(mod.commandIn(channel, mod.moderator, "purge").option("count", 10).option("bots", true));
        assertThat(byBots.content()).startsWith("Deleted 1 message by bots in <#" + channel.id() + ">")
                .contains("That is fewer than 10: the channel has no more messages by bots.");
        assertThat(robotSays.deleted()).isTrue();

        Message containing = mod.run(mod.commandIn(channel, mod.moderator, "purge").option("count", 5)
                .option("contains", "buy now"));
        assertThat(containing.content()).startsWith("Deleted 2 messages containing \"buy now\"");
        assertThat(channel.messages()).extracting(Message::content)
                .containsExactly("bob 1", "carol 1", "carol 3", "bob 4");
    }

    @Test
    void purgeStopsAtMessagesOlderThanFourteenDaysAndSaysWhy() {
        TextChannel channel = mod.guild.createTextChannel("purge-old");
        User dan = mod.member("dan");
        Message old = channel.post(dan, "from long ago", Instant.now().minus(Duration.ofDays(15)));
        for (int i = 0; i < 3; i++) {
            channel.post(dan, "recent " + i);
        }

        Message answer = mod.run(mod.commandIn(channel, mod.moderator, "purge").option("count", 50));
        assertThat(answer.content()).startsWith("Deleted 3 messages in <#" + channel.id() + ">")
                .contains("the other messages are older than 14 days, and Discord lets bots bulk-delete only "
                        + "messages of the last 14 days.");
        assertThat(old.deleted()).isFalse();

        Message nothing = mod.run(mod.commandIn(channel, mod.moderator, "purge").option("count", 5));
        assertThat(nothing.content()).startsWith("No message to delete: the other messages are older than 14 days");
        assertThat(nothing.ephemeral()).isTrue();
    }

    @Test
    void purgeNeedsManageMessages() {
        TextChannel channel = mod.guild.createTextChannel("purge-refused");
        Message kept = channel.post(mod.fixture.alice, "hello");
        Message refused = mod.run(mod.commandIn(channel, mod.fixture.alice, "purge").option("count", 1));
        assertThat(refused.content()).isEqualTo("You need the Manage Messages permission or a moderator role to use this.");
        assertThat(kept.deleted()).isFalse();
    }

    @Test
    void slowmodeIsSetChangedAndTurnedOff() {
        TextChannel channel = mod.guild.createTextChannel("slow");
        Message set = mod.run(mod.commandIn(channel, mod.moderator, "slowmode").option("duration", "30s")
                .option("reason", "heated"));
        assertThat(set.content()).startsWith("Members of <#" + channel.id() + "> now wait 30s between messages (case #")
                .endsWith("Reason: heated");
        assertThat(channel.slowmode()).isEqualTo(30);

        Message elsewhere = mod.run(mod.command(mod.moderator, "slowmode").option("duration", "2h")
                .option("channel", channel));
        assertThat(elsewhere.content()).contains("now wait 2h");
        assertThat(channel.slowmode()).isEqualTo(7200);

        Message tooLong = mod.run(mod.commandIn(channel, mod.moderator, "slowmode").option("duration", "7h"));
        assertThat(tooLong.content()).isEqualTo("The duration must be from 1s to 6h; \"7h\" is 7h. Or use off to end "
                + "the slowmode.");
        assertThat(channel.slowmode()).isEqualTo(7200);

        assertThat(mod.run(mod.commandIn(channel, mod.moderator, "slowmode").option("duration", "off")).content())
                .startsWith("Slowmode is off in <#" + channel.id() + "> (case #");
        assertThat(channel.slowmode()).isZero();

        assertThat(mod.run(mod.commandIn(channel, mod.fixture.alice, "slowmode").option("duration", "5s")).content())
                .isEqualTo("You need the Manage Channels permission or a moderator role to use this.");
        assertThat(channel.slowmode()).isZero();
    }

    @Test
    void lockDeniesPostingAndUnlockPutsBackTheOverwriteAsItWas() {
        TextChannel channel = mod.guild.createTextChannel("lockable");
        // the server had allowed reactions here on purpose: unlocking must keep that
        channel.setOverwrite(mod.guild.everyoneRole(), ADD_REACTIONS, 0);
        User erin = mod.member("erin");
        assertThat(channel.permissionsOf(erin) & SEND_MESSAGES).isNotZero();

        Message locked = mod.run(mod.commandIn(channel, mod.moderator, "lock").option("reason", "raid"));
        assertThat(locked.content()).startsWith("🔒 <#" + channel.id() + "> is locked: members cannot post there until "
                + "it is unlocked (case #").endsWith("Reason: raid");
        assertThat(channel.permissionsOf(erin) & (SEND_MESSAGES | ADD_REACTIONS)).isZero();
        assertThat(channel.permissionsOf(mod.guild.owner()) & SEND_MESSAGES).as("the owner still can").isNotZero();

        assertThat(mod.run(mod.commandIn(channel, mod.moderator, "lock")).content())
                .isEqualTo("<#" + channel.id() + "> is locked already: members cannot send messages there.");

        Message unlocked = mod.run(mod.command(mod.moderator, "unlock").option("channel", channel));
        assertThat(unlocked.content()).startsWith("🔓 <#" + channel.id() + "> is unlocked (case #");
        assertThat(caseNumber(unlocked)).isEqualTo(caseNumber(locked) + 1);
        assertThat(channel.permissionsOf(erin) & (SEND_MESSAGES | ADD_REACTIONS)).isEqualTo(SEND_MESSAGES | ADD_REACTIONS);

        assertThat(mod.run(mod.commandIn(channel, mod.moderator, "unlock")).content())
                .isEqualTo("<#" + channel.id() + "> is not locked.");
    }

    @Test
    void aChannelWithoutOverwriteHasNoneAfterLockAndUnlock() {
        TextChannel channel = mod.guild.createTextChannel("plain");
        User fay = mod.member("fay");
        long before = channel.permissionsOf(fay);
        mod.run(mod.commandIn(channel, mod.moderator, "lock"));
        assertThat(channel.permissionsOf(fay) & SEND_MESSAGES).isZero();
        mod.run(mod.commandIn(channel, mod.moderator, "unlock"));
        assertThat(channel.permissionsOf(fay)).isEqualTo(before);
        assertThat(mod.run(mod.commandIn(channel, mod.fixture.alice, "lock")).content())
                .isEqualTo("You need the Manage Channels permission or a moderator role to use this.");
    }
}
