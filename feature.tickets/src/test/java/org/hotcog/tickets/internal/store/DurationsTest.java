package org.hotcog.tickets.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {
    private static final Duration MAX = Duration.ofDays(90);

    @Test
    void readsWhatMembersType() {
        assertThat(Durations.parse("f", "90s", MAX)).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("f", "1d 12h", MAX)).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse("f", "2W", MAX)).isEqualTo(Duration.ofDays(14));
        assertThat(Durations.parse("f", "off", MAX)).isZero();
        assertThat(Durations.parse("f", "0", MAX)).isZero();
    }

    @Test
    void refusesTheRestNamingTheField() {
        assertThatThrownBy(() -> Durations.parse("after", "soon", MAX))
                .hasMessage("after: must be a duration like 30m, 12h or 2d, or off");
        assertThatThrownBy(() -> Durations.parse("after", "5m x", MAX)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Durations.parse("after", "91d", MAX)).hasMessage("after: must be at most 90d");
    }

    @Test
    void describesWithTheTwoLargestUnits() {
        assertThat(Durations.describe(Duration.ofSeconds(93_784))).isEqualTo("1d 2h");
        assertThat(Durations.describe(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Durations.describe(Duration.ZERO)).isEqualTo("0s");
    }
}
