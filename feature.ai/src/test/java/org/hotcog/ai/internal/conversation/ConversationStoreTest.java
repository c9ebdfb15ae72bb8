package org.hotcog.ai.internal.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.hotcog.ai.internal.MigratedDatabase;

/** Conversation memory on H2 with the bundle's migrations: threads, reply chains, turns, reset. */
class ConversationStoreTest {

    private static final long BOT = 999;
    private static final long ALICE = 1;

    private MigratedDatabase database;
    private ConversationStore store;

    @BeforeEach
    void setUp() throws SQLException {
        database = new MigratedDatabase();
        store = new ConversationStore(database.dataSource(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() throws SQLException {
        database.close();
    }

    @Test
    void aReplyToAnyMessageOfAnAnswerLeadsToItsConversation() throws SQLException {
        long conversation = store.start(10, 20, 0, ALICE);
        store.append(conversation, Turn.user("What is OSGi?"), ALICE, List.of(100L));
        store.append(conversation, Turn.assistant("A module system."), BOT, List.of(101L, 102L));
        store.append(conversation, Turn.assistant("Written again."), BOT, List.of(102L));

        assertThat(store.ofMessage(100)).contains(conversation);
        assertThat(store.ofMessage(102)).contains(conversation);
        assertThat(store.ofMessage(103)).isEmpty();
        assertThat(store.ofMessage(0)).isEmpty();
        assertThat(store.turns(conversation)).extracting(Turn::role, Turn::text).containsExactly(
                tuple(Role.USER, "What is OSGi?"), tuple(Role.ASSISTANT, "A module system."),
                tuple(Role.ASSISTANT, "Written again."));
    }

    @Test
    void aThreadHasItsConversationAndImagesAreCountedNotKept() throws SQLException {
        long conversation = store.start(10, 20, 30, ALICE);
        store.append(conversation, new Turn(Role.USER, "Look", List.of(new Image("image/png", new byte[] {1}),
                new Image("image/jpeg", new byte[] {2}))), ALICE, List.of(200L));
        store.append(conversation, new Turn(Role.USER, "", List.of(new Image("image/png", new byte[] {1}))), ALICE,
                List.of(201L));

        assertThat(store.ofThread(30)).contains(conversation);
        assertThat(store.ofThread(31)).isEmpty();
        assertThat(store.turns(conversation)).extracting(Turn::text)
                .containsExactly("Look\n[2 images not kept]", "[1 image not kept]");
    }

    @Test
    void aResetForgetsTheTurnsButKeepsTheWayToTheConversation() throws SQLException {
        long conversation = store.start(10, 20, 30, ALICE);
        store.append(conversation, Turn.user("one"), ALICE, List.of(300L));
        store.append(conversation, Turn.assistant("two"), BOT, List.of(301L));
        long other = store.start(10, 20, 0, ALICE);
        store.append(other, Turn.user("elsewhere"), ALICE, List.of(302L));

        assertThat(store.reset(conversation)).isEqualTo(2);

        assertThat(store.turns(conversation)).isEmpty();
        assertThat(store.ofMessage(301)).contains(conversation);
        assertThat(store.turns(other)).hasSize(1);
    }

    @Test
    void aVeryLongAnswerIsKeptUpToTheColumnsSize() throws SQLException {
        long conversation = store.start(10, 20, 0, ALICE);
        store.append(conversation, Turn.assistant("x".repeat(ConversationStore.MAX_CONTENT + 10)), BOT, List.of());

        assertThat(store.turns(conversation).get(0).text()).hasSize(ConversationStore.MAX_CONTENT);
    }
}
