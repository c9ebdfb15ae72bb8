package org.hotcog.economy.internal.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.hotcog.api.economy.EconomyTopics;
import org.hotcog.economy.internal.settings.EconomySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The ledger on H2 with the bundle's own migration: its rules, and payments from many threads at once. */
class LedgerTest {
    static final long GUILD = 7;
    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private JdbcDataSource database;
    private Connection keepAlive;
    private Ledger ledger;

    @BeforeEach
    void setUp() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID());
        database.setUser("sa");
        keepAlive = database.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/db/migration/V1__economy.sql'");
        }
        ledger = new Ledger(database, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        });
    }

    @AfterEach
    void tearDown() throws SQLException {
        keepAlive.close();
    }

    @Test
    void aPaymentChangesBothWalletsOrNeither() throws Exception {
        ledger.change(GUILD, GUILD, 1, 100, LedgerKind.GIVE, 99, null);
        assertThat(ledger.pay(GUILD, GUILD, 1, 2, 60, "rent")).isEqualTo(new Ledger.Payment(40, 60));
        assertThatThrownBy(() -> ledger.pay(GUILD, GUILD, 1, 2, 41, null)).isInstanceOfSatisfying(LedgerRefusal.class,
                refused -> {
                    assertThat(refused.reason()).isEqualTo(LedgerRefusal.Reason.INSUFFICIENT_FUNDS);
                    assertThat(refused.balance()).isEqualTo(40);
                });
        assertThat(ledger.balance(GUILD, 1)).isEqualTo(40);
        assertThat(ledger.balance(GUILD, 2)).isEqualTo(60);
        assertThat(count("SELECT COUNT(*) FROM economy_ledger")).isEqualTo(3);
        assertThat(posted).extracting(e -> e.getProperty(EconomyTopics.SOURCE)).containsExactly("admin", "transfer");
    }

    @Test
    void noBalancePassesTheLimit() throws Exception {
        ledger.set(GUILD, GUILD, 1, Coins.MAX_BALANCE, 99, null);
        assertThatThrownBy(() -> ledger.change(GUILD, GUILD, 1, 1, LedgerKind.GIVE, 99, null))
                .isInstanceOfSatisfying(LedgerRefusal.class,
                        refused -> assertThat(refused.reason()).isEqualTo(LedgerRefusal.Reason.BALANCE_LIMIT));
        assertThatThrownBy(() -> ledger.change(GUILD, GUILD, 1, Long.MIN_VALUE, LedgerKind.TAKE, 99, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ledger.balance(GUILD, 1)).isEqualTo(Coins.MAX_BALANCE);
    }

    @Test
    void dailyClaimsWaitTheirCooldownAndStreaksGrowUntilABreak() throws Exception {
        EconomySettings settings = EconomySettings.DEFAULTS.withStreak(10, 3);
        Instant day1 = Instant.parse("2026-01-01T12:00:00Z");
        assertThat(ledger.claimDaily(GUILD, GUILD, 1, settings, day1).amount()).isEqualTo(100);
        assertThatThrownBy(() -> ledger.claimDaily(GUILD, GUILD, 1, settings, day1.plus(Duration.ofHours(23))))
                .isInstanceOfSatisfying(LedgerRefusal.class,
                        refused -> assertThat(refused.next()).isEqualTo(day1.plus(Duration.ofHours(24))));
        Ledger.DailyClaim day2 = ledger.claimDaily(GUILD, GUILD, 1, settings, day1.plus(Duration.ofHours(25)));
        assertThat(day2.streak()).isEqualTo(2);
        assertThat(day2.amount()).isEqualTo(110);
        Ledger.DailyClaim day3 = ledger.claimDaily(GUILD, GUILD, 1, settings, day1.plus(Duration.ofHours(50)));
        assertThat(day3.amount()).isEqualTo(120);
        assertThat(ledger.claimDaily(GUILD, GUILD, 1, settings, day1.plus(Duration.ofHours(75))).amount())
                .as("the bonus stops growing after the streak's days").isEqualTo(120);
        Ledger.DailyClaim broken = ledger.claimDaily(GUILD, GUILD, 1, settings, day1.plus(Duration.ofHours(200)));
        assertThat(broken.streak()).isEqualTo(1);
        assertThat(broken.balance()).isEqualTo(100 + 110 + 120 + 120 + 100);
    }

    @Test
    void paymentsInEveryDirectionFromManyThreadsConserveCoins() throws Exception {
        int members = 20;
        for (long user = 1; user <= members; user++) {
            ledger.change(GUILD, GUILD, user, 1_000, LedgerKind.GIVE, 99, null);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Random random = new Random(t);
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        long payer = 1 + random.nextInt(members);
                        long receiver = 1 + (payer + random.nextInt(members - 1)) % members;
                        try {
                            ledger.pay(GUILD, GUILD, payer, receiver, 1 + random.nextInt(400), null);
                        } catch (LedgerRefusal refused) {
                            assertThat(refused.reason()).isEqualTo(LedgerRefusal.Reason.INSUFFICIENT_FUNDS);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : done) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(count("SELECT SUM(balance) FROM economy_wallet")).isEqualTo(members * 1_000L);
        assertThat(count("SELECT SUM(delta) FROM economy_ledger")).isEqualTo(members * 1_000L);
        assertThat(count("SELECT COUNT(*) FROM economy_wallet w WHERE balance <> (SELECT SUM(delta) "
                + "FROM economy_ledger l WHERE l.user_id = w.user_id)")).isZero();
    }

    private long count(String sql) throws SQLException {
        try (Statement s = keepAlive.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
