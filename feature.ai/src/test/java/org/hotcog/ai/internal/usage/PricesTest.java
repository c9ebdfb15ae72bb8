package org.hotcog.ai.internal.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Estimated costs from configured prices per 1,000 tokens. */
class PricesTest {

    private final Prices prices = Prices.parse(new String[] {"gpt-4o-mini: 0.00015 0.0006", "", "*: 0.001 0.002",
        "llama3.1:8b: 0 0"});

    @Test
    void aCallCostsItsTokensAtItsModelsPrices() {
        // 2,000 × 0.00015 / 1,000 + 500 × 0.0006 / 1,000 = 0.0006 → 600 millionths
        assertThat(prices.costMicros("gpt-4o-mini", 2_000, 500)).isEqualTo(600);
        assertThat(prices.costMicros("other", 1_000, 1_000)).isEqualTo(3_000);
        assertThat(prices.costMicros("llama3.1:8b", 1_000, 1_000)).isZero();
        assertThat(prices.costMicros("gpt-4o-mini", -1, -1)).isZero();
        assertThat(Prices.NONE.costMicros("gpt-4o-mini", 1_000, 1_000)).isZero();
    }

    @Test
    void badLinesAreNamed() {
        assertThatThrownBy(() -> Prices.parse(new String[] {"gpt: 1"})).hasMessageStartingWith("prices:");
        assertThatThrownBy(() -> Prices.parse(new String[] {"gpt: a b"})).hasMessageStartingWith("prices:");
        assertThatThrownBy(() -> Prices.parse(new String[] {"gpt: -1 1"})).hasMessageStartingWith("prices:");
        assertThatThrownBy(() -> Prices.parse(new String[] {"0.1 0.2"})).hasMessageStartingWith("prices:");
    }
}
