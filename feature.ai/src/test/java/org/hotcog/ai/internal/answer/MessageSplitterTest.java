package org.hotcog.ai.internal.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Answers split into Discord messages: within the limit, between words, code blocks closed and reopened. */
class MessageSplitterTest {

    private static final String WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi";

    /** A long answer of prose and code blocks in several languages, the same every run. */
    private static String longAnswer() {
        Random random = new Random(42);
        String[] words = WORDS.split(" ");
        StringBuilder text = new StringBuilder();
        for (int paragraph = 0; paragraph < 30; paragraph++) {
            for (int i = 0; i < 20 + random.nextInt(80); i++) {
                text.append(words[random.nextInt(words.length)]).append(i % 13 == 12 ? ".\n" : " ");
            }
            text.append("\n\n");
            if (paragraph % 3 == 1) {
                text.append("```").append(paragraph % 2 == 0 ? "java" : "python").append('\n');
                for (int line = 0; line < 10 + random.nextInt(60); line++) {
                    text.append("    call(").append(words[random.nextInt(words.length)]).append(", ").append(line)
                            .append(");\n");
                }
                text.append("```\n\n");
            }
        }
        return text.toString();
    }

    @Test
    void aShortAnswerIsOneMessage() {
        assertThat(MessageSplitter.discord().split("Hello there")).containsExactly("Hello there");
        assertThat(MessageSplitter.discord().split("")).isEmpty();
    }

    @Test
    void everyMessageFitsAndEveryCodeBlockInItIsClosed() {
        List<String> messages = MessageSplitter.discord().split(longAnswer());

        assertThat(messages).hasSizeGreaterThan(3);
        for (String message : messages) {
            assertThat(message.length()).isLessThanOrEqualTo(2000);
            assertThat(MessageSplitter.fenceAfter(null, message)).as("open fence in %s", message).isNull();
        }
    }

    @Test
    void splitsFallBetweenWordsAndLoseOnlyTheWhitespaceTheyFellOn() {
        String text = WORDS.repeat(300);
        List<String> messages = new MessageSplitter(150).split(text);

        StringBuilder joined = new StringBuilder();
        for (String message : messages) {
            assertThat(message).doesNotStartWith(" ").hasSizeLessThanOrEqualTo(150);
            assertThat(WORDS.split(" ")).contains(lastWord(message));
            joined.append(message).append(' ');
        }
        assertThat(joined.toString().strip().replace(" ", "")).isEqualTo(text.replace(" ", ""));
    }

    private static String lastWord(String message) {
        String[] words = message.strip().split(" ");
        return words[words.length - 1];
    }

    @Test
    void aBlockCutBySplitIsClosedAndReopenedWithItsLanguage() {
        StringBuilder code = new StringBuilder("Here is the code:\n```kotlin\n");
        for (int i = 0; i < 40; i++) {
            code.append("val x").append(i).append(" = compute(").append(i).append(")\n");
        }
        code.append("```\nThat is all.");

        List<String> messages = new MessageSplitter(300).split(code.toString());

        assertThat(messages).hasSizeGreaterThan(2);
        assertThat(messages.get(0)).startsWith("Here is the code:\n```kotlin\n").endsWith("\n```");
        for (String middle : messages.subList(1, messages.size() - 1)) {
            assertThat(middle).startsWith("```kotlin\nval x").endsWith("\n```");
        }
        assertThat(messages.get(messages.size() - 1)).startsWith("```kotlin\n").endsWith("```\nThat is all.");
        String inside = String.join("", messages).replace("```kotlin\n", "").replace("\n```", "\n").replace("```", "");
        for (int i = 0; i < 40; i++) {
            assertThat(inside).contains("val x" + i + " = compute(" + i + ")");
        }
    }

    @Test
    void anOpenBlockAtTheEndOfAGrowingAnswerIsShownClosed() {
        assertThat(MessageSplitter.discord().split("Look:\n```js\nlet a = 1;"))
                .containsExactly("Look:\n```js\nlet a = 1;\n```");
    }

    @Test
    void aWordLongerThanAMessageIsCutButNotInsideACharacter() {
        String emoji = "\uD83D\uDE00";
        String text = "x".repeat(99) + emoji + "y".repeat(150);

        List<String> messages = new MessageSplitter(100).split(text);

        assertThat(String.join("", messages)).isEqualTo(text);
        for (String message : messages) {
            assertThat(message.length()).isLessThanOrEqualTo(100);
            assertThat(Character.isHighSurrogate(message.charAt(message.length() - 1))).isFalse();
        }
    }

    @Test
    void earlierMessagesStayTheSameAsTheAnswerGrows() {
        String full = longAnswer();
        MessageSplitter splitter = MessageSplitter.discord();
        List<String> finalMessages = splitter.split(full);

        for (int length = 1; length <= full.length(); length += 37) {
            List<String> partial = splitter.split(full.substring(0, length));
            assertThat(partial.subList(0, partial.size() - 1))
                    .isEqualTo(finalMessages.subList(0, partial.size() - 1));
        }
    }

    @Test
    void aTooSmallLimitIsRefused() {
        assertThatThrownBy(() -> new MessageSplitter(20)).isInstanceOf(IllegalArgumentException.class);
    }
}
