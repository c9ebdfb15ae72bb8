package org.hotcog.economy.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.hotcog.economy.internal.settings.EconomySettings;
import org.hotcog.itest.postgres.TemporaryPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The ledger on a real PostgreSQL shared by two "processes": two ledgers, each with its own
 * connections, paying in every direction at once, creating wallets at the same moment and
 * claiming the same daily twice. Coins add up, and each daily is paid once.
 */
class LedgerPostgresTest {
    static final long GUILD = 11;
    static final int MEMBERS = 30;
    static TemporaryPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = new TemporaryPostgres();
        postgres.runScript("/db/migration/V1__economy.sql");
        postgres.runScript("/db/migration/V2__shop_and_games.sql");
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    private static Ledger process(DataSource database) {
        return new Ledger(database, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
            }

            @Override
            public void sendEvent(Event event) {
            }
        });
    }

    @Test
    void twoProcessesPayingAtOnceNeitherMakeNorLoseCoins() throws Exception {
        List<Ledger> processes = List.of(process(postgres.dataSource()), process(postgres.dataSource()));
        // only the first half has coins: payments to the others create their wallets concurrently
        for (long user = 1; user <= MEMBERS / 2; user++) {
            processes.get(0).change(GUILD, GUILD, user, 1_000, LedgerKind.GIVE, 99, null);
        }
        AtomicInteger paid = new AtomicInteger();
        List<Callable<Void>> payers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Ledger ledger = processes.get(t % 2);
            Random random = new Random(t);
            payers.add(() -> {
                for (int i = 0; i < 150; i++) {
                    long payer = 1 + random.nextInt(MEMBERS);
                    long receiver = 1 + (payer + random.nextInt(MEMBERS - 1)) % MEMBERS;
                    try {
                        ledger.pay(GUILD, GUILD, payer, receiver, 1 + random.nextInt(300), null);
                        paid.incrementAndGet();
                    } catch (LedgerRefusal refused) {
                        assertThat(refused.reason()).isEqualTo(LedgerRefusal.Reason.INSUFFICIENT_FUNDS);
                    }
                }
                return null;
            });
        }
        runAll(payers);

        assertThat(paid.get()).isGreaterThan(300);
        assertThat(number("SELECT SUM(balance) FROM economy_wallet WHERE scope_id = " + GUILD)).isEqualTo(15_000);
        assertThat(number("SELECT SUM(delta) FROM economy_ledger WHERE scope_id = " + GUILD)).isEqualTo(15_000);
        assertThat(number("SELECT COUNT(*) FROM economy_wallet w WHERE scope_id = " + GUILD + " AND balance <> "
                + "(SELECT SUM(delta) FROM economy_ledger l WHERE l.scope_id = w.scope_id AND l.user_id = w.user_id)"))
                .isZero();
        assertThat(number("SELECT COUNT(*) FROM economy_wallet WHERE balance < 0")).isZero();
    }

    @Test
    void aDailyClaimedByTwoProcessesAtOnceIsPaidOnce() throws Exception {
        List<Ledger> processes = List.of(process(postgres.dataSource()), process(postgres.dataSource()));
        Instant now = Instant.now();
        AtomicInteger claimed = new AtomicInteger();
        List<Callable<Void>> claims = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Ledger ledger = processes.get(t % 2);
            claims.add(() -> {
                try {
                    ledger.claimDaily(GUILD + 1, GUILD + 1, 500, EconomySettings.DEFAULTS, now);
                    claimed.incrementAndGet();
                } catch (LedgerRefusal refused) {
                    assertThat(refused.reason()).isEqualTo(LedgerRefusal.Reason.TOO_EARLY);
                }
                return null;
            });
        }
        runAll(claims);
        assertThat(claimed.get()).isEqualTo(1);
        assertThat(processes.get(1).balance(GUILD + 1, 500)).isEqualTo(EconomySettings.DEFAULTS.dailyAmount());
    }

    private static void runAll(List<Callable<Void>> work) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(work.size());
        try {
            for (Future<Void> done : threads.invokeAll(work)) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static long number(String sql) throws SQLException {
        try (Connection c = postgres.dataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
