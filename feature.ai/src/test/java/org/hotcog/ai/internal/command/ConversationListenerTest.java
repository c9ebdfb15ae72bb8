package org.hotcog.ai.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is left of a message for the model once the bot's mention is taken out. */
class ConversationListenerTest {

    @Test
    void theBotsMentionsGoAndOtherMentionsStay() {
        assertThat(ConversationListener.withoutBotMention("<@42> what is 2+2?", 42)).isEqualTo("what is 2+2?");
        assertThat(ConversationListener.withoutBotMention("hey <@!42>, ask <@7> about <@42>", 42))
                .isEqualTo("hey  , ask <@7> about");
        assertThat(ConversationListener.withoutBotMention("<@420> is not the bot", 42))
                .isEqualTo("<@420> is not the bot");
        assertThat(ConversationListener.withoutBotMention("  <@42>  ", 42)).isEmpty();
    }
}
