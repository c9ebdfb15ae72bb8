package org.hotcog.moderation.internal.automod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.hotcog.moderation.internal.settings.InvalidSettingException;
import org.junit.jupiter.api.Test;

class MessageRulesTest {
    private static AutomodSettings on(AutomodRule... rules) {
        AutomodSettings settings = AutomodSettings.DEFAULTS;
        for (AutomodRule rule : rules) {
            settings = settings.withRule(rule, settings.rule(rule).withEnabled(true));
        }
        return settings;
    }

    @Test
    void blockedWordsMatchWholeWordsInAnyCase() {
        MessageRules rules = new MessageRules(on(AutomodRule.WORDS).withBlockedWords(List.of("Darn", "c++")));
        assertThat(rules.check("DARN it", 0)).get().extracting(MessageRules.Violation::rule).isEqualTo(AutomodRule.WORDS);
        assertThat(rules.check("well, darn.", 0)).isPresent();
        assertThat(rules.check("i love c++ a lot", 0)).isPresent();
        assertThat(rules.check("darning socks", 0)).isEmpty();
        assertThat(rules.check("undarn", 0)).isEmpty();
    }

    @Test
    void rulesThatAreOffCheckNothing() {
        MessageRules rules = new MessageRules(AutomodSettings.DEFAULTS.withBlockedWords(List.of("darn")));
        assertThat(rules.check("darn discord.gg/abc <@1> <@2> <@3> <@4> <@5>", 5)).isEmpty();
    }

    @Test
    void aPatternThatBacktracksForEverCountsAsNoMatchAndReturns() {
        MessageRules rules = new MessageRules(on(AutomodRule.WORDS).withBlockedPatterns(List.of("(a+)+$", "b[o0]t")));
        String evil = "a".repeat(5_000) + "!";
        long started = System.nanoTime();
        assertThat(rules.check(evil, 0)).isEmpty();
        // without the budget this takes longer than the age of the universe; a minute is a generous bound
        assertThat(System.nanoTime() - started).isLessThan(60_000_000_000L);
        assertThat(rules.check("free B0T here", 0)).get().extracting(MessageRules.Violation::detail)
                .isEqualTo("blocked pattern `b[o0]t`");
    }

    @Test
    void invitesPassOnlyWhenTheirCodeIsAllowed() {
        MessageRules rules = new MessageRules(on(AutomodRule.INVITES).withAllowedInvites(List.of("hotcog")));
        assertThat(rules.check("home: https://discord.gg/hotcog", 0)).isEmpty();
        assertThat(rules.check("see discordapp.com/invite/Other1 and discord.gg/hotcog", 0)).get()
                .extracting(MessageRules.Violation::detail).isEqualTo("invite link discord.gg/Other1");
        assertThat(rules.check("www.discord.com/invite/x-y", 0)).isPresent();
        assertThat(rules.check("discord.com/channels/1/2", 0)).isEmpty();
    }

    @Test
    void mentionsCountFromTheLimit() {
        AutomodSettings settings = on(AutomodRule.MENTIONS);
        settings = settings.withRule(AutomodRule.MENTIONS, settings.rule(AutomodRule.MENTIONS).withLimit(3, 0));
        MessageRules rules = new MessageRules(settings);
        assertThat(rules.check("hi", 2)).isEmpty();
        assertThat(rules.check("hi", 3)).get().extracting(MessageRules.Violation::detail)
                .isEqualTo("3 mentions in one message");
    }

    @Test
    void settingsAreRefusedNamingTheField() {
        AutomodSettings spam = on(AutomodRule.SPAM);
        assertThatThrownBy(() -> spam.withRule(AutomodRule.SPAM, spam.rule(AutomodRule.SPAM).withLimit(1, 5)).validate())
                .isInstanceOf(InvalidSettingException.class).hasMessage("rules.spam.limit: must be from 2 to 50 messages");
        assertThatThrownBy(() -> spam.withBlockedPatterns(List.of("(")).validate())
                .hasMessageStartingWith("blockedPatterns: \"(\" is not a regular expression");
        assertThatThrownBy(() -> spam.withAllowedInvites(List.of("discord.gg/x")).validate())
                .hasMessageStartingWith("allowedInvites: \"discord.gg/x\" is not an invite code");
        assertThat(spam.validate()).isEqualTo(spam);
    }
}
