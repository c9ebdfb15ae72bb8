package org.hotcog.levels.internal.xp;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XP store on H2 with the bundle's own migration: the cooldown, the leaderboard, and gains from many threads. */
class XpStoreTest {
    static final long GUILD = 7;
    static final Duration MINUTE = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private Connection keepAlive;
    private XpStore store;

    @BeforeEach
    void setUp() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:levels-" + UUID.randomUUID() + ";LOCK_TIMEOUT=10000");
        database.setUser("sa");
        keepAlive = database.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/db/migration/V1__levels.sql'");
        }
        store = new XpStore(database);
    }

    @AfterEach
    void tearDown() throws SQLException {
        keepAlive.close();
    }

    @Test
    void aMessageGivesXpOncePerCooldown() {
        assertThat(store.addForMessage(GUILD, 1, 20, MINUTE, T0)).contains(new XpStore.Gain(0, 20));
        assertThat(store.addForMessage(GUILD, 1, 20, MINUTE, T0.plusSeconds(59))).isEmpty();
        assertThat(store.addForMessage(GUILD, 1, 15, MINUTE, T0.plusSeconds(60))).contains(new XpStore.Gain(20, 35));
        // per member and per guild
        assertThat(store.addForMessage(GUILD, 2, 25, MINUTE, T0.plusSeconds(61))).isPresent();
        assertThat(store.addForMessage(GUILD + 1, 1, 25, MINUTE, T0.plusSeconds(61))).isPresent();
        assertThat(store.xp(GUILD, 1)).isEqualTo(35);
    }

    @Test
    void xpFromCoinsIgnoresAndKeepsTheCooldown() {
        assertThat(store.add(GUILD, 1, 100)).isEqualTo(new XpStore.Gain(0, 100));
        assertThat(store.add(GUILD, 1, 100).levelledUp()).isFalse();
        assertThat(store.addForMessage(GUILD, 1, 20, MINUTE, T0)).contains(new XpStore.Gain(200, 220));
        assertThat(store.add(GUILD, 1, 50)).isEqualTo(new XpStore.Gain(220, 270));
        assertThat(store.addForMessage(GUILD, 1, 20, MINUTE, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void theLeaderboardRanksByXpThenUserId() {
        store.add(GUILD, 3, 50);
        store.add(GUILD, 1, 50);
        store.add(GUILD, 2, 80);
        store.add(GUILD + 1, 4, 500);
        assertThat(store.top(GUILD, 0, 10)).containsExactly(new XpStore.Ranked(1, 2, 80),
                new XpStore.Ranked(2, 1, 50), new XpStore.Ranked(3, 3, 50));
        assertThat(store.top(GUILD, 2, 10)).containsExactly(new XpStore.Ranked(3, 3, 50));
        assertThat(store.rank(GUILD, 3)).contains(3);
        assertThat(store.rank(GUILD, 9)).isEmpty();
        assertThat(store.ranked(GUILD)).isEqualTo(3);
    }

    @Test
    void concurrentGainsAddUpAndEachLevelIsReachedByExactlyOne() throws Exception {
        int threads = 8;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<XpStore.Gain>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<XpStore.Gain>> work = () -> {
                    List<XpStore.Gain> gains = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        // half of them are messages without a cooldown to wait for, half coins
                        Optional<XpStore.Gain> gain = (thread + i) % 2 == 0 ? Optional.of(store.add(GUILD, 1, 7))
                                : store.addForMessage(GUILD, 1, 7, Duration.ZERO, T0);
                        gains.add(gain.orElseThrow());
                    }
                    return gains;
                };
                results.add(pool.submit(work));
            }
            List<XpStore.Gain> gains = new ArrayList<>();
            for (Future<List<XpStore.Gain>> result : results) {
                gains.addAll(result.get());
            }
            long total = 7L * threads * perThread;
            assertThat(store.xp(GUILD, 1)).isEqualTo(total);
            // the gains chain from 0 to the total without a gap or an overlap
            assertThat(gains.stream().map(XpStore.Gain::before).distinct().count()).isEqualTo(gains.size());
            assertThat(gains.stream().mapToLong(g -> g.after() - g.before()).sum()).isEqualTo(total);
            long levelUps = gains.stream().mapToLong(g -> g.levelAfter() - g.levelBefore()).sum();
            assertThat(levelUps).isEqualTo(Curve.levelOf(total));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentMessagesWithinTheCooldownGiveXpOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<XpStore.Gain>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                results.add(pool.submit(() -> store.addForMessage(GUILD, 5, 20, MINUTE, T0)));
            }
            int given = 0;
            for (Future<Optional<XpStore.Gain>> result : results) {
                given += result.get().isPresent() ? 1 : 0;
            }
            assertThat(given).isEqualTo(1);
            assertThat(store.xp(GUILD, 5)).isEqualTo(20);
        } finally {
            pool.shutdownNow();
        }
    }
}
