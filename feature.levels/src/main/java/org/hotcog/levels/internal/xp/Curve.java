package org.hotcog.levels.internal.xp;

/**
 * The usual level curve: going from level {@code L} to {@code L + 1} takes {@code 5L² + 50L + 100}
 * XP, so level 1 is at 100 XP, level 2 at 255, level 3 at 475. Levels start at 0.
 */
public final class Curve {
    /**
     * The last level. Its XP (about 1.7 × 10^15) keeps every sum here far from overflowing a
     * {@code long}, and no member gets near it: at 100 XP a second, it takes half a million years.
     */
    public static final int MAX_LEVEL = 100_000;
    /** The most XP a member can have: the store adds no more past it. */
    public static final long MAX_XP = xpFor(MAX_LEVEL);

    private Curve() {
    }

    /** The XP needed to go from {@code level} to the next one. */
    public static long toNext(int level) {
        long l = level;
        return 5 * l * l + 50 * l + 100;
    }

    /** The total XP at which a member reaches {@code level}. */
    public static long xpFor(int level) {
        // the sum of toNext(k) for k < level, in closed form
        long l = level;
        return 5 * (l - 1) * l * (2 * l - 1) / 6 + 25 * (l - 1) * l + 100 * l;
    }

    /** The level a member with {@code xp} has. */
    public static int levelOf(long xp) {
        if (xp < 0) {
            throw new IllegalArgumentException("XP is never negative: " + xp);
        }
        // a first guess from the leading term (xp ≈ 5L³/3), then corrected by a step or two
        int level = (int) Math.min(MAX_LEVEL, Math.cbrt(xp * 0.6));
        while (level > 0 && xpFor(level) > xp) {
            level--;
        }
        while (level < MAX_LEVEL && xpFor(level + 1) <= xp) {
            level++;
        }
        return level;
    }

    /**
     * Where a member with {@code xp} stands.
     *
     * @param level their level
     * @param intoLevel XP earned since they reached it
     * @param toNext XP the level takes in all, from its start to the next
     */
    public record Progress(int level, long intoLevel, long toNext) {
    }

    public static Progress progress(long xp) {
        int level = levelOf(xp);
        return new Progress(level, xp - xpFor(level), toNext(level));
    }
}
