package org.hotcog.levels.internal.xp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The level curve: 5L² + 50L + 100 XP from each level to the next. */
class CurveTest {
    @Test
    void eachLevelTakesFiveLSquaredPlusFiftyLPlusAHundred() {
        assertThat(Curve.toNext(0)).isEqualTo(100);
        assertThat(Curve.toNext(1)).isEqualTo(155);
        assertThat(Curve.toNext(10)).isEqualTo(1_100);
        long total = 0;
        for (int level = 0; level <= 2_000; level++) {
            assertThat(Curve.xpFor(level)).as("level %d", level).isEqualTo(total);
            total += Curve.toNext(level);
        }
    }

    @Test
    void theLevelOfXpIsTheLastLevelItReaches() {
        assertThat(Curve.levelOf(0)).isZero();
        assertThat(Curve.levelOf(99)).isZero();
        assertThat(Curve.levelOf(100)).isEqualTo(1);
        assertThat(Curve.levelOf(254)).isEqualTo(1);
        assertThat(Curve.levelOf(255)).isEqualTo(2);
        assertThat(Curve.levelOf(475)).isEqualTo(3);
        for (int level = 1; level <= 5_000; level += 7) {
            assertThat(Curve.levelOf(Curve.xpFor(level))).isEqualTo(level);
            assertThat(Curve.levelOf(Curve.xpFor(level) - 1)).isEqualTo(level - 1);
        }
        assertThat(Curve.levelOf(Curve.MAX_XP)).isEqualTo(Curve.MAX_LEVEL);
        assertThat(Curve.levelOf(Long.MAX_VALUE)).isEqualTo(Curve.MAX_LEVEL);
    }

    @Test
    void progressCountsFromTheStartOfTheLevel() {
        assertThat(Curve.progress(300)).isEqualTo(new Curve.Progress(2, 45, 220));
        assertThat(Curve.progress(0)).isEqualTo(new Curve.Progress(0, 0, 100));
    }
}
