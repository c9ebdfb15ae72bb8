package org.hotcog.ai.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.hotcog.ai.internal.settings.AccessRule.Kind;

/** Allow and block lists of users, roles and channels. */
class AccessPolicyTest {

    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final long HELPERS = 50;
    private static final long GENERAL = 100;
    private static final long OFF_TOPIC = 101;
    private static final long THREAD = 102;

    @Test
    void withoutListsEveryoneMayAskEverywhere() {
        assertThat(AccessPolicy.refusal(List.of(), ALICE, Set.of(), GENERAL, 0)).isEmpty();
    }

    @Test
    void aBlockWinsOverAnAllow() {
        List<AccessRule> rules = List.of(new AccessRule(Kind.ROLE, HELPERS, true), new AccessRule(Kind.USER, ALICE,
                false), new AccessRule(Kind.CHANNEL, OFF_TOPIC, false));

        assertThat(AccessPolicy.refusal(rules, ALICE, Set.of(HELPERS), GENERAL, 0)).isPresent();
        assertThat(AccessPolicy.refusal(rules, BOB, Set.of(HELPERS), OFF_TOPIC, 0))
                .contains("The AI is turned off in this channel.");
        assertThat(AccessPolicy.refusal(rules, BOB, Set.of(HELPERS), THREAD, OFF_TOPIC)).isPresent();
        assertThat(AccessPolicy.refusal(rules, BOB, Set.of(HELPERS), GENERAL, 0)).isEmpty();
    }

    @Test
    void anAllowListAdmitsOnlyWhatIsOnIt() {
        List<AccessRule> rules = List.of(new AccessRule(Kind.CHANNEL, GENERAL, true),
                new AccessRule(Kind.ROLE, HELPERS, true), new AccessRule(Kind.USER, BOB, true));

        assertThat(AccessPolicy.refusal(rules, ALICE, Set.of(HELPERS), GENERAL, 0)).isEmpty();
        assertThat(AccessPolicy.refusal(rules, ALICE, Set.of(HELPERS), THREAD, GENERAL)).isEmpty();
        assertThat(AccessPolicy.refusal(rules, BOB, Set.of(), GENERAL, 0)).isEmpty();
        assertThat(AccessPolicy.refusal(rules, ALICE, Set.of(), GENERAL, 0))
                .contains("The AI of this server is open only to some members or roles.");
        assertThat(AccessPolicy.refusal(rules, BOB, Set.of(), OFF_TOPIC, 0))
                .contains("The AI answers only in some channels of this server, not in this one.");
    }
}
