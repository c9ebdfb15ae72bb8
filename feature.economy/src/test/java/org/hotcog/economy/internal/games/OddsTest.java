package org.hotcog.economy.internal.games;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class OddsTest {
    @Test
    void theSlotsGiveBackTheStakeLessTheHouseEdgeOnAverage() {
        // the exact average over every outcome, with the scaled table, for a large stake (rounding is negligible)
        int edge = 200;
        double total = Odds.WEIGHTS.stream().mapToInt(Integer::intValue).sum();
        double expected = 0;
        long stake = 1_000_000_000L;
        for (int a = 0; a < Odds.SYMBOLS.size(); a++) {
            for (int b = 0; b < Odds.SYMBOLS.size(); b++) {
                for (int c = 0; c < Odds.SYMBOLS.size(); c++) {
                    double chance = Odds.WEIGHTS.get(a) / total * Odds.WEIGHTS.get(b) / total * Odds.WEIGHTS.get(c) / total;
                    List<String> reels = List.of(Odds.SYMBOLS.get(a), Odds.SYMBOLS.get(b), Odds.SYMBOLS.get(c));
                    expected += chance * Math.floor(stake * Odds.basePays(reels) * 0.98 / Odds.baseReturn());
                }
            }
        }
        assertThat(expected / stake).isCloseTo(1 - edge / 10_000.0, within(1e-6));
    }

    @Test
    void aCoinFlipIsEvenAndPaysTwiceTheStakeLessTheEdge() {
        SplittableRandom random = new SplittableRandom(42);
        long wins = 0;
        long returned = 0;
        int flips = 200_000;
        for (int i = 0; i < flips; i++) {
            long back = Odds.flip(random, true, 100, 200);
            if (back > 0) {
                wins++;
                assertThat(back).isEqualTo(196);
            }
            returned += back;
        }
        assertThat(wins / (double) flips).isCloseTo(0.5, within(0.01));
        assertThat(returned / (flips * 100.0)).isCloseTo(0.98, within(0.01));
    }

    @Test
    void aSpinShowsThreeSymbolsAndPaysWhatItsReelsAreWorth() {
        SplittableRandom random = new SplittableRandom(7);
        double returned = 0;
        int spins = 300_000;
        for (int i = 0; i < spins; i++) {
            Odds.Spin spin = Odds.spin(random, 1_000, 500);
            assertThat(spin.reels()).hasSize(3).allMatch(Odds.SYMBOLS::contains);
            assertThat(spin.returned() > 0).isEqualTo(Odds.basePays(spin.reels()) > 0);
            returned += spin.returned();
        }
        assertThat(returned / (spins * 1_000.0)).isCloseTo(0.95, within(0.03));
    }
}
