package org.hotcog.economy.internal.games;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The games' odds: fair draws from the given random source, and payouts set so that a game gives
 * back, on average, exactly the stake less the guild's house edge (before payouts are rounded down
 * to whole coins). A coin flip is even and pays {@code 2 × (1 − edge)}; the slots' pay table is
 * scaled to the same return.
 */
public final class Odds {
    /** Ten thousand basis points make a whole. */
    private static final double WHOLE = 10_000;
    /** The reel's symbols and their weights: every reel is the same. */
    static final List<String> SYMBOLS = List.of("🍒", "🍋", "🔔", "⭐", "💎");
    static final List<Integer> WEIGHTS = List.of(5, 4, 3, 2, 1);
    /** What three of a kind pays, in stakes, before the table is scaled. */
    static final Map<String, Integer> THREE = Map.of("🍒", 5, "🍋", 10, "🔔", 20, "⭐", 50, "💎", 200);
    /** Exactly two cherries give the stake back, before scaling. */
    static final int TWO_CHERRIES = 1;

    /** A spin of the three reels and what it gives back, stake included (0 for a loss). */
    public record Spin(List<String> reels, long returned) {
    }

    private Odds() {
    }

    /** A coin flip: what it gives back for {@code stake}, 0 when the coin falls the other way. */
    public static long flip(RandomGenerator random, boolean calledHeads, long stake, int houseEdgeBasisPoints) {
        boolean heads = random.nextBoolean();
        return heads == calledHeads ? (long) Math.floor(stake * 2 * (WHOLE - houseEdgeBasisPoints) / WHOLE) : 0;
    }

    /** Spins the slots. */
    public static Spin spin(RandomGenerator random, long stake, int houseEdgeBasisPoints) {
        List<String> reels = List.of(draw(random), draw(random), draw(random));
        double pays = basePays(reels) * (WHOLE - houseEdgeBasisPoints) / WHOLE / baseReturn();
        return new Spin(reels, (long) Math.floor(stake * pays));
    }

    /** What the unscaled table pays for the reels, in stakes. */
    static int basePays(List<String> reels) {
        if (reels.get(0).equals(reels.get(1)) && reels.get(1).equals(reels.get(2))) {
            return THREE.get(reels.get(0));
        }
        long cherries = reels.stream().filter("🍒"::equals).count();
        return cherries == 2 ? TWO_CHERRIES : 0;
    }

    /** The unscaled table's average return per stake, summed over every outcome. */
    static double baseReturn() {
        double total = WEIGHTS.stream().mapToInt(Integer::intValue).sum();
        double expected = 0;
        for (int a = 0; a < SYMBOLS.size(); a++) {
            for (int b = 0; b < SYMBOLS.size(); b++) {
                for (int c = 0; c < SYMBOLS.size(); c++) {
                    double chance = WEIGHTS.get(a) / total * WEIGHTS.get(b) / total * WEIGHTS.get(c) / total;
                    expected += chance * basePays(List.of(SYMBOLS.get(a), SYMBOLS.get(b), SYMBOLS.get(c)));
                }
            }
        }
        return expected;
    }

    private static String draw(RandomGenerator random) {
        int total = WEIGHTS.stream().mapToInt(Integer::intValue).sum();
        int pick = random.nextInt(total);
        for (int i = 0; i < SYMBOLS.size(); i++) {
            pick -= WEIGHTS.get(i);
            if (pick < 0) {
                return SYMBOLS.get(i);
            }
        }
        throw new IllegalStateException("the weights add up to " + total);
    }
}
