package org.hotcog.tickets.internal.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.hotcog.tickets.internal.store.InvalidInput;
import org.junit.jupiter.api.Test;

class CategoryTest {
    private static Category category(String name, List<Long> staff, String template, int memberLimit,
            Duration cooldown, boolean thread, long threadChannel, List<Question> questions) {
        return new Category(0, 1, name, "", "", staff, List.of(), List.of(), 0, 0, template, null, memberLimit, 0,
                cooldown, thread, threadChannel, questions);
    }

    @Test
    void aValidCategoryTakesItsDefaults() {
        Category c = category(" Support ", List.of(5L, 5L), null, 1, Duration.ZERO, false, 0, null);
        assertThat(c.name()).isEqualTo("Support");
        assertThat(c.staffRoles()).containsExactly(5L);
        assertThat(c.channelName()).isEqualTo(Category.DEFAULT_CHANNEL_NAME);
        assertThat(c.openingMessage()).isEqualTo(Category.DEFAULT_OPENING_MESSAGE);
        assertThat(c.channelNameFor(7, "Alice W.")).isEqualTo("ticket-0007");
        assertThat(category("S", List.of(5L), "{username}-{num}", 1, Duration.ZERO, false, 0, null)
                .channelNameFor(12, "Alice W.")).isEqualTo("alice-w-0012");
    }

    @Test
    void eachBadFieldIsNamed() {
        assertThatThrownBy(() -> category("", List.of(5L), null, 1, Duration.ZERO, false, 0, null))
                .isInstanceOf(InvalidInput.class).hasMessage("name: is required");
        assertThatThrownBy(() -> category("S", List.of(), null, 1, Duration.ZERO, false, 0, null))
                .hasMessage("staffRoles: needs at least one role");
        assertThatThrownBy(() -> category("S", List.of(-1L), null, 1, Duration.ZERO, false, 0, null))
                .hasMessage("staffRoles: must be Discord role ids");
        assertThatThrownBy(() -> category("S", List.of(5L), "ticket {num}", 1, Duration.ZERO, false, 0, null))
                .hasMessageStartingWith("channelName: may hold letters");
        assertThatThrownBy(() -> category("S", List.of(5L), null, 51, Duration.ZERO, false, 0, null))
                .hasMessage("memberLimit: must be from 0 to 50");
        assertThatThrownBy(() -> category("S", List.of(5L), null, 1, Duration.ofDays(31), false, 0, null))
                .hasMessage("cooldownSeconds: must be from 0 to 2592000");
        assertThatThrownBy(() -> category("S", List.of(5L), null, 1, Duration.ZERO, true, 0, null))
                .hasMessageStartingWith("threadChannelId: is required for private threads");
        Question q = new Question("Why?", false, "", 0, 100, true);
        assertThatThrownBy(() -> category("S", List.of(5L), null, 1, Duration.ZERO, false, 0,
                List.of(q, q, q, q, q, q))).hasMessageStartingWith("questions: at most 5");
        assertThatThrownBy(() -> new Question("Why?", false, "", 10, 5, true))
                .hasMessage("questions.maxLength: must be from 10 to 4000");
        assertThatThrownBy(() -> new Question("x".repeat(46), false, "", 0, 5, true))
                .hasMessage("questions.label: must be at most 45 characters");
    }
}
