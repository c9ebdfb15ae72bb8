package org.hotcog.economy.internal.ledger;

import java.time.Instant;

/**
 * A change the ledger refused, with nothing written. Commands and REST phrase it for the reader
 * from its {@link #reason()} and values.
 */
public final class LedgerRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why it was refused. */
    public enum Reason {
        /** The member has fewer coins than the change takes: {@link #balance()} is what they have. */
        INSUFFICIENT_FUNDS,
        /** The change would take the balance past {@link Coins#MAX_BALANCE}: {@link #balance()} is what it is. */
        BALANCE_LIMIT,
        /** A daily claim before its cooldown ended: {@link #next()} is when it does. */
        TOO_EARLY
    }

    private final Reason reason;
    private final long userId;
    private final long balance;
    private final transient Instant next;

    private LedgerRefusal(Reason reason, long userId, long balance, Instant next) {
        super(reason + " for user " + userId, null, false, false);
        this.reason = reason;
        this.userId = userId;
        this.balance = balance;
        this.next = next;
    }

    static LedgerRefusal insufficientFunds(long userId, long balance) {
        return new LedgerRefusal(Reason.INSUFFICIENT_FUNDS, userId, balance, null);
    }

    static LedgerRefusal balanceLimit(long userId, long balance) {
        return new LedgerRefusal(Reason.BALANCE_LIMIT, userId, balance, null);
    }

    static LedgerRefusal tooEarly(long userId, Instant next) {
        return new LedgerRefusal(Reason.TOO_EARLY, userId, 0, next);
    }

    public Reason reason() {
        return reason;
    }

    /** Whose balance refused the change. */
    public long userId() {
        return userId;
    }

    public long balance() {
        return balance;
    }

    public Instant next() {
        return next;
    }
}
