package org.hotcog.economy.internal.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.hotcog.api.economy.EconomyTopics;
import org.hotcog.api.storage.Transactions;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * Every change of a balance, and nothing else changes one. Each change updates the wallet and
 * writes its ledger row in one transaction, so the balances of a scope always add up to its
 * ledger. A wallet is locked ({@code SELECT ... FOR UPDATE}) before it changes, and a payment
 * locks its two wallets in the order of their user ids, so concurrent payments in every direction
 * never deadlock; a balance never goes below zero or past {@link Coins#MAX_BALANCE}: such a change
 * is refused whole. The same holds for several processes sharing one PostgreSQL database.
 *
 * <p>Coins a member receives (daily, payment, grant) are announced on
 * {@link EconomyTopics#COINS_EARNED} once committed.
 */
@Component(service = Ledger.class)
public final class Ledger {
    /** One row of a member's ledger. */
    public record Entry(long id, long delta, long balanceAfter, LedgerKind kind, long counterpartyId, long guildId,
            long actorId, String note, Instant at) {
    }

    /** A place on the leaderboard, from 1. */
    public record Ranked(int rank, long userId, long balance) {
    }

    /** A daily claim: what it gave, the streak it made, and when the next one may be claimed. */
    public record DailyClaim(long amount, int streak, long balance, Instant next) {
    }

    /** The two balances after a payment. */
    public record Payment(long payerBalance, long receiverBalance) {
    }

    private static final Set<LedgerKind> EARNED = Set.of(LedgerKind.DAILY, LedgerKind.PAY_IN, LedgerKind.GIVE);

    private final DataSource database;
    private final EventAdmin events;

    @Activate
    public Ledger(@Reference DataSource database, @Reference EventAdmin events) {
        this.database = database;
        this.events = events;
    }

    /** A member's balance; 0 for one who never had coins. */
    public long balance(long scope, long userId) {
        try (Connection connection = database.getConnection()) {
            return balance(connection, scope, userId, false).orElse(0L);
        } catch (SQLException e) {
            throw failed("read a balance", e);
        }
    }

    /**
     * Moves coins from one member to another.
     *
     * @throws LedgerRefusal when the payer has too few coins or the receiver's balance would pass the limit
     */
    public Payment pay(long scope, long guildId, long payerId, long receiverId, long amount, String note)
            throws LedgerRefusal {
        requireAmount(amount);
        if (payerId == receiverId) {
            throw new IllegalArgumentException("a payment needs two members");
        }
        Payment payment = inTransaction(connection -> {
            // the lower user id first, whatever the direction: no two payments wait for each other
            long payer;
            long receiver;
            if (payerId < receiverId) {
                payer = apply(connection, scope, payerId, -amount, LedgerKind.PAY_OUT, receiverId, guildId, payerId, note);
                receiver = apply(connection, scope, receiverId, amount, LedgerKind.PAY_IN, payerId, guildId, payerId,
                        note);
            } else {
                receiver = apply(connection, scope, receiverId, amount, LedgerKind.PAY_IN, payerId, guildId, payerId,
                        note);
                payer = apply(connection, scope, payerId, -amount, LedgerKind.PAY_OUT, receiverId, guildId, payerId, note);
            }
            return new Payment(payer, receiver);
        });
        earned(guildId, receiverId, amount, "transfer");
        return payment;
    }

    /**
     * Adds ({@code delta > 0}) or takes ({@code delta < 0}) coins on an admin's or a game's behalf.
     *
     * @return the balance after
     * @throws LedgerRefusal when the balance would go below zero or past the limit
     */
    public long change(long scope, long guildId, long userId, long delta, LedgerKind kind, long actorId, String note)
            throws LedgerRefusal {
        requireAmount(Math.abs(delta));
        long after = inTransaction(connection -> apply(connection, scope, userId, delta, kind, 0, guildId, actorId,
                note));
        if (delta > 0 && EARNED.contains(kind)) {
            earned(guildId, userId, delta, kind == LedgerKind.GIVE ? "admin" : kind.wireName());
        }
        return after;
    }

    /**
     * Sets a balance, writing the difference to the ledger.
     *
     * @return the difference
     */
    public long set(long scope, long guildId, long userId, long balance, long actorId, String note)
            throws LedgerRefusal {
        if (balance < 0 || balance > Coins.MAX_BALANCE) {
            throw new IllegalArgumentException("a balance is from 0 to " + Coins.MAX_BALANCE);
        }
        return inTransaction(connection -> {
            long delta = balance - balance(connection, scope, userId, true).orElse(0L);
            if (delta != 0) {
                apply(connection, scope, userId, delta, LedgerKind.SET, 0, guildId, actorId, note);
            }
            return delta;
        });
    }

    /**
     * Claims the member's daily coins: the guild's daily amount, plus its streak bonus for each day
     * of the streak after the first (up to its streak days). A claim within twice the cooldown of
     * the last one continues the streak; a later one starts it again.
     *
     * @throws LedgerRefusal before the cooldown is over ({@link LedgerRefusal#next()} says when)
     */
    public DailyClaim claimDaily(long scope, long guildId, long userId, EconomySettings settings, Instant now)
            throws LedgerRefusal {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Duration cooldown = settings.dailyCooldown();
        DailyClaim claim = inTransaction(connection -> {
            Instant last = null;
            int streak = 0;
            try (PreparedStatement select = connection.prepareStatement("SELECT claimed_at, streak FROM economy_daily "
                    + "WHERE scope_id = ? AND user_id = ? FOR UPDATE")) {
                select.setLong(1, scope);
                select.setLong(2, userId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        last = rs.getTimestamp(1).toInstant();
                        streak = rs.getInt(2);
                    }
                }
            }
            if (last != null && at.isBefore(last.plus(cooldown))) {
                throw LedgerRefusal.tooEarly(userId, last.plus(cooldown));
            }
            int newStreak = last != null && at.isBefore(last.plus(cooldown.multipliedBy(2))) ? streak + 1 : 1;
            long bonusDays = Math.min(newStreak, settings.streakDays()) - 1L;
            long amount = Math.min(Coins.MAX_AMOUNT, settings.dailyAmount() + settings.streakBonus() * bonusDays);
            if (last != null) {
                execute(connection, "UPDATE economy_daily SET claimed_at = ?, streak = ? WHERE scope_id = ? "
                        + "AND user_id = ?", Timestamp.from(at), newStreak, scope, userId);
            } else {
                // Not an update that could find a row committed since the select: a first claim made
                // meanwhile elsewhere makes this insert a duplicate, and the retry sees that claim.
                execute(connection, "INSERT INTO economy_daily (scope_id, user_id, claimed_at, streak) "
                        + "VALUES (?, ?, ?, ?)", scope, userId, Timestamp.from(at), newStreak);
            }
            long balance = apply(connection, scope, userId, amount, LedgerKind.DAILY, 0, guildId, userId, null);
            return new DailyClaim(amount, newStreak, balance, at.plus(cooldown));
        });
        earned(guildId, userId, claim.amount(), "daily");
        return claim;
    }

    /** The richest members of a scope, from {@code offset}, ties by user id. */
    public List<Ranked> top(long scope, int offset, int limit) {
        List<Ranked> ranked = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT user_id, balance FROM economy_wallet WHERE scope_id = ? AND balance > 0 "
                        + "ORDER BY balance DESC, user_id LIMIT ? OFFSET ?")) {
            select.setLong(1, scope);
            select.setInt(2, limit);
            select.setInt(3, offset);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ranked.add(new Ranked(offset + ranked.size() + 1, rs.getLong(1), rs.getLong(2)));
                }
            }
        } catch (SQLException e) {
            throw failed("read the leaderboard", e);
        }
        return ranked;
    }

    /** How many members of a scope have coins: the leaderboard's length. */
    public int holders(long scope) {
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM economy_wallet WHERE scope_id = ? AND balance > 0")) {
            select.setLong(1, scope);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw failed("count the leaderboard", e);
        }
    }

    /** A member's place on the leaderboard, if they have coins. */
    public Optional<Integer> rank(long scope, long userId) {
        long balance = balance(scope, userId);
        if (balance == 0) {
            return Optional.empty();
        }
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM economy_wallet WHERE scope_id = ? AND (balance > ? OR (balance = ? "
                        + "AND user_id < ?))")) {
            select.setLong(1, scope);
            select.setLong(2, balance);
            select.setLong(3, balance);
            select.setLong(4, userId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return Optional.of(rs.getInt(1) + 1);
            }
        } catch (SQLException e) {
            throw failed("read a rank", e);
        }
    }

    /** A member's ledger, newest first, before the row {@code beforeId} (0 for the newest). */
    public List<Entry> history(long scope, long userId, long beforeId, int limit) {
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT id, delta, balance_after, kind, counterparty_id, guild_id, actor_id, note, created_at "
                        + "FROM economy_ledger WHERE scope_id = ? AND user_id = ? AND id < ? ORDER BY id DESC LIMIT ?")) {
            select.setLong(1, scope);
            select.setLong(2, userId);
            select.setLong(3, beforeId > 0 ? beforeId : Long.MAX_VALUE);
            select.setInt(4, limit);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new Entry(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                            LedgerKind.ofWireName(rs.getString(4)), rs.getLong(5), rs.getLong(6), rs.getLong(7),
                            rs.getString(8), rs.getTimestamp(9).toInstant()));
                }
            }
        } catch (SQLException e) {
            throw failed("read a ledger", e);
        }
        return entries;
    }

    /**
     * Changes one wallet and writes its ledger row, in the transaction of {@link #inTransaction}.
     *
     * @return the balance after
     * @throws LedgerRefusal when the balance would go below zero or past the limit
     */
    public static long apply(Connection connection, long scope, long userId, long delta, LedgerKind kind,
            long counterpartyId, long guildId, long actorId, String note) throws SQLException, LedgerRefusal {
        Optional<Long> current = balance(connection, scope, userId, true);
        long before = current.orElse(0L);
        long after = before + delta;
        if (after < 0) {
            throw LedgerRefusal.insufficientFunds(userId, before);
        }
        if (after > Coins.MAX_BALANCE) {
            throw LedgerRefusal.balanceLimit(userId, before);
        }
        if (current.isPresent()) {
            execute(connection, "UPDATE economy_wallet SET balance = ? WHERE scope_id = ? AND user_id = ?", after,
                    scope, userId);
        } else {
            // a duplicate key here (another first change of this wallet) retries the transaction
            execute(connection, "INSERT INTO economy_wallet (scope_id, user_id, balance) VALUES (?, ?, ?)", scope,
                    userId, after);
        }
        execute(connection, "INSERT INTO economy_ledger (scope_id, user_id, delta, balance_after, kind, "
                + "counterparty_id, guild_id, actor_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", scope,
                userId, delta, after, kind.wireName(), counterpartyId, guildId, actorId, note,
                Timestamp.from(Instant.now()));
        return after;
    }

    private static Optional<Long> balance(Connection connection, long scope, long userId, boolean lock)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT balance FROM economy_wallet "
                + "WHERE scope_id = ? AND user_id = ?" + (lock ? " FOR UPDATE" : ""))) {
            select.setLong(1, scope);
            select.setLong(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Work in one of the ledger's transactions, for changes that must commit together with a balance. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException, LedgerRefusal;
    }

    /**
     * Runs {@code work} in one transaction, again after a conflict with another one
     * ({@link Transactions}: it must have no effect outside the database). A refusal or a runtime
     * exception it throws rolls everything back.
     */
    public <T> T inTransaction(Work<T> work) throws LedgerRefusal {
        try {
            return Transactions.inTransaction(database, work::run);
        } catch (SQLException e) {
            throw failed("change a balance", e);
        }
    }

    /**
     * A game: takes the stake and pays back what the game gave ({@code returned}, stake included,
     * 0 for a loss) in one transaction.
     *
     * @return the balance after
     * @throws LedgerRefusal when the member has less than the stake
     */
    public long play(long scope, long guildId, long userId, long stake, long returned, String game)
            throws LedgerRefusal {
        requireAmount(stake);
        long after = inTransaction(connection -> {
            long balance = apply(connection, scope, userId, -stake, LedgerKind.BET, 0, guildId, userId, game);
            return returned == 0 ? balance
                    : apply(connection, scope, userId, returned, LedgerKind.WIN, 0, guildId, userId, game);
        });
        if (returned > stake) {
            earned(guildId, userId, returned - stake, "game");
        }
        return after;
    }

    private void earned(long guildId, long userId, long amount, String source) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(EconomyTopics.GUILD_ID, guildId);
        properties.put(EconomyTopics.USER_ID, userId);
        properties.put(EconomyTopics.AMOUNT, amount);
        properties.put(EconomyTopics.SOURCE, source);
        events.postEvent(new Event(EconomyTopics.COINS_EARNED, properties));
    }

    private static void requireAmount(long amount) {
        if (amount < 1 || amount > Coins.MAX_AMOUNT) {
            throw new IllegalArgumentException("an amount is from 1 to " + Coins.MAX_AMOUNT);
        }
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
