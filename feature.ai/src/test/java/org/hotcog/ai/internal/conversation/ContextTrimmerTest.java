package org.hotcog.ai.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Conversations trimmed to a token budget: oldest first, system prompt and newest turn kept. */
class ContextTrimmerTest {

    /** 4 characters a token, 100 tokens an image: a 40-character turn costs 10 + 4 tokens. */
    private final ContextTrimmer trimmer = new ContextTrimmer(4, 100);
    private static final String FORTY = "x".repeat(40);

    private static List<Turn> conversation(int exchanges) {
        java.util.ArrayList<Turn> turns = new java.util.ArrayList<>();
        for (int i = 0; i < exchanges; i++) {
            turns.add(Turn.user(FORTY));
            turns.add(Turn.assistant(FORTY));
        }
        turns.add(Turn.user("last question"));
        return turns;
    }

    @Test
    void estimatesTextImagesAndEachTurnsOwnCost() {
        assertThat(trimmer.estimate("abcde")).isEqualTo(2);
        assertThat(trimmer.estimate("")).isZero();
        assertThat(trimmer.estimate(Turn.user(FORTY))).isEqualTo(14);
        assertThat(trimmer.estimate(new Turn(Role.USER, FORTY, List.of(new Image("image/png", new byte[] {1})))))
                .isEqualTo(114);
        assertThat(new ContextTrimmer(2.5, 0).estimate(FORTY)).isEqualTo(16);
    }

    @Test
    void aConversationWithinTheBudgetIsKeptWhole() {
        List<Turn> turns = conversation(3);

        ContextTrimmer.Trimmed trimmed = trimmer.trim("Be kind.", turns, 1000);

        assertThat(trimmed.turns()).isEqualTo(turns);
        assertThat(trimmed.dropped()).isZero();
        assertThat(trimmed.estimatedTokens()).isEqualTo(2 + 4 + 6 * 14 + 4 + 4);
        assertThat(trimmed.overBudget()).isFalse();
    }

    @Test
    void theOldestTurnsGoFirstAndAnAnswerGoesWithItsQuestion() {
        List<Turn> turns = conversation(5);
        // system 6, newest 8: 60 leaves room for three 14-token turns, but the third from the end is an answer
        ContextTrimmer.Trimmed trimmed = trimmer.trim("Be kind.", turns, 60);

        assertThat(trimmed.turns()).hasSize(3);
        assertThat(trimmed.turns().get(0).role()).isEqualTo(Role.USER);
        assertThat(trimmed.turns()).isEqualTo(turns.subList(8, 11));
        assertThat(trimmed.dropped()).isEqualTo(8);
        assertThat(trimmed.estimatedTokens()).isEqualTo(6 + 14 + 14 + 8).isLessThanOrEqualTo(60);
        assertThat(trimmed.overBudget()).isFalse();
    }

    @Test
    void theNewestTurnAndTheSystemPromptStayEvenOverTheBudget() {
        List<Turn> turns = conversation(2);

        ContextTrimmer.Trimmed trimmed = trimmer.trim("x".repeat(400), turns, 50);

        assertThat(trimmed.turns()).containsExactly(turns.get(turns.size() - 1));
        assertThat(trimmed.overBudget()).isTrue();
        assertThat(trimmed.estimatedTokens()).isEqualTo(104 + 8);
    }

    @Test
    void aConversationThatStartsWithAnAnswerKeepsItWhenNothingIsDropped() {
        List<Turn> turns = List.of(Turn.assistant("Here is a message to ask about."), Turn.user("What does it mean?"));

        assertThat(trimmer.trim(null, turns, 1000).turns()).isEqualTo(turns);
    }

    @Test
    void badSettingsAndBudgetsAreNamed() {
        assertThatThrownBy(() -> new ContextTrimmer(0, 10)).hasMessageStartingWith("charsPerToken:");
        assertThatThrownBy(() -> new ContextTrimmer(4, -1)).hasMessageStartingWith("tokensPerImage:");
        assertThatThrownBy(() -> trimmer.trim(null, conversation(1), 0)).hasMessageStartingWith("budget:");
    }
}
