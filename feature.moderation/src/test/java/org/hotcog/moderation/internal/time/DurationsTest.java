package org.hotcog.moderation.internal.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DurationsTest {
    private static final Duration MAX = Duration.ofDays(28);

    @Test
    void readsUnitsAndCombinations() {
        assertThat(Durations.parse("10m", Duration.ZERO, MAX)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Durations.parse("2H", Duration.ZERO, MAX)).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("1d12h", Duration.ZERO, MAX)).isEqualTo(Duration.ofHours(36));
        assertThat(Durations.parse(" 1w 2d ", Duration.ZERO, MAX)).isEqualTo(Duration.ofDays(9));
        assertThat(Durations.parse("90s", Duration.ZERO, MAX)).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void refusesOtherFormsWithTheExpectedOne() {
        for (String bad : new String[] { "", "10", "m", "ten minutes", "1x", "-5m", "1.5h" }) {
            assertThatThrownBy(() -> Durations.parse(bad, Duration.ZERO, MAX))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("like 10m, 2h or 1d12h");
        }
    }

    @Test
    void refusesDurationsOutsideTheLimits() {
        assertThatThrownBy(() -> Durations.parse("29d", Duration.ofMinutes(1), MAX))
                .hasMessage("The duration must be from 1m to 28d; \"29d\" is 29d.");
        assertThatThrownBy(() -> Durations.parse("30s", Duration.ofMinutes(1), MAX)).hasMessageContaining("from 1m");
        assertThat(Durations.parse("28d", Duration.ofMinutes(1), MAX)).isEqualTo(MAX);
    }

    @Test
    void formatsWhatParseReadsBack() {
        assertThat(Durations.format(Duration.ofHours(36))).isEqualTo("1d 12h");
        assertThat(Durations.format(Duration.ofSeconds(3_725))).isEqualTo("1h 2m 5s");
        Duration odd = Duration.ofSeconds(1_000_000);
        assertThat(Durations.parse(Durations.format(odd), Duration.ZERO, Duration.ofDays(365))).isEqualTo(odd);
    }
}
