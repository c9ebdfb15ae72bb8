package org.hotcog.moderation.internal.automod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BurstsTest {
    @Test
    void aBurstIsTheLimitWithinTheWindowAndCountingStartsAfresh() {
        Bursts<String, Integer> bursts = new Bursts<>();
        assertThat(bursts.record("a", 1, 0, 3, 10)).isEmpty();
        assertThat(bursts.record("a", 2, 4_000, 3, 10)).isEmpty();
        assertThat(bursts.record("b", 9, 5_000, 3, 10)).as("another key counts apart").isEmpty();
        assertThat(bursts.record("a", 3, 9_000, 3, 10)).containsExactly(1, 2, 3);
        assertThat(bursts.record("a", 4, 9_500, 3, 10)).isEmpty();
    }

    @Test
    void eventsOutsideTheWindowDoNotCount() {
        Bursts<String, Integer> bursts = new Bursts<>();
        bursts.record("a", 1, 0, 3, 10);
        bursts.record("a", 2, 1_000, 3, 10);
        assertThat(bursts.record("a", 3, 10_500, 3, 10)).as("the first left the window").isEmpty();
        assertThat(bursts.record("a", 4, 10_600, 3, 10)).containsExactly(2, 3, 4);
    }

    @Test
    void quietKeysAreForgotten() {
        Bursts<String, Integer> bursts = new Bursts<>();
        bursts.record("a", 1, 0, 2, 10);
        bursts.forgetOlderThan(1);
        assertThat(bursts.record("a", 2, 2, 2, 10)).as("the first was forgotten").isEmpty();
    }
}
