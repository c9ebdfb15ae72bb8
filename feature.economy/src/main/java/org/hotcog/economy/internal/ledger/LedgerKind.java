package org.hotcog.economy.internal.ledger;

import java.util.Locale;

/** Why a balance changed: each ledger row names one. */
public enum LedgerKind {
    DAILY,
    /** The payer's side of a payment. */
    PAY_OUT,
    /** The receiver's side of a payment. */
    PAY_IN,
    /** Coins an admin gave. */
    GIVE,
    /** Coins an admin took. */
    TAKE,
    /** A balance an admin set (a reset sets 0). */
    SET,
    /** A purchase in the shop. */
    BUY,
    /** A purchase given back: Discord refused the role it gives. */
    REFUND,
    /** The stake of a game. */
    BET,
    /** What a game paid back, stake included. */
    WIN;

    /** As the database and REST write it: {@code pay_in}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LedgerKind ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
