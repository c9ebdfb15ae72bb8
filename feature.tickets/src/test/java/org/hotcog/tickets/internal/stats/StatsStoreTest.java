package org.hotcog.tickets.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatsStoreTest {
    @Test
    void theMedianOfAnOddCountIsTheMiddleAndOfAnEvenCountTheMeanOfTheTwo() {
        assertThat(StatsStore.median(List.of())).isNull();
        assertThat(StatsStore.median(List.of(Duration.ofMinutes(9), Duration.ofMinutes(1), Duration.ofMinutes(5))))
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(StatsStore.median(List.of(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(3),
                Duration.ofMinutes(7)))).isEqualTo(Duration.ofMinutes(5));
    }
}
