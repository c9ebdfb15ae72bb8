package org.hotcog.economy.internal.ledger;

import java.util.Locale;

/** The limits of amounts and balances, and how amounts are written. */
public final class Coins {
    /** The most one operation moves: a trillion. */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;
    /**
     * The most a wallet holds: a quadrillion, far from {@code long}'s limit so that no sum of
     * balances overflows, and exact as a JavaScript number in REST answers.
     */
    public static final long MAX_BALANCE = 1_000_000_000_000_000L;

    private Coins() {
    }

    /** "1,500". */
    public static String format(long amount) {
        return String.format(Locale.ROOT, "%,d", amount);
    }
}
