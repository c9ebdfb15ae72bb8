package org.hotcog.ai.internal.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.hotcog.ai.internal.MigratedDatabase;
import org.hotcog.ai.internal.TestClock;
import org.hotcog.ai.internal.usage.Admission.Admitted;
import org.hotcog.ai.internal.usage.Admission.Measure;
import org.hotcog.ai.internal.usage.Admission.Refused;
import org.hotcog.ai.internal.usage.Admission.Scope;
import org.hotcog.ai.internal.usage.Admission.Window;

/** Usage rows and rolling quotas on H2 with the bundle's own migration, on a clock the test moves. */
class UsageStoreTest {

    private static final long GUILD = 10;
    private static final long ALICE = 1;
    private static final long BOB = 2;
    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final TestClock clock = new TestClock(START);
    private MigratedDatabase database;
    private UsageStore store;

    @BeforeEach
    void setUp() throws SQLException {
        database = new MigratedDatabase();
        store = new UsageStore(database.dataSource(), clock);
    }

    @AfterEach
    void tearDown() throws SQLException {
        database.close();
    }

    private static UsageStore.Call call(long user) {
        return new UsageStore.Call(GUILD, user, 77, "demo", "local-chat");
    }

    private Admission admit(long user, QuotaLimits member, QuotaLimits guild) throws SQLException {
        return store.admit(call(user), member, guild);
    }

    private long admitted(long user, QuotaLimits member) throws SQLException {
        Admission admission = admit(user, member, QuotaLimits.UNLIMITED);
        assertThat(admission).isInstanceOf(Admitted.class);
        return ((Admitted) admission).usageId();
    }

    private void finish(long id, int prompt, int completion) throws SQLException {
        store.finish(id, new UsageStore.Result(prompt, completion, Duration.ofMillis(420), "OK", 1_500));
    }

    private long rows() throws SQLException {
        try (Statement s = database.connection().createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM ai_usage")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static QuotaLimits requestsPerHour(int limit) {
        return new QuotaLimits(limit, -1, -1, -1);
    }

    @Test
    void everyCallIsAUsageRowAndTotalsAddThemUp() throws SQLException {
        finish(admitted(ALICE, QuotaLimits.UNLIMITED), 100, 20);
        finish(admitted(ALICE, QuotaLimits.UNLIMITED), 50, -1);
        finish(admitted(BOB, QuotaLimits.UNLIMITED), 10, 5);

        assertThat(store.totals(GUILD, ALICE, START)).isEqualTo(new UsageStore.Totals(2, 150, 20, 3_000));
        assertThat(store.totals(GUILD, null, START)).isEqualTo(new UsageStore.Totals(3, 160, 25, 4_500));
        assertThat(store.totals(GUILD, null, START.plusSeconds(1))).isEqualTo(new UsageStore.Totals(0, 0, 0, 0));
    }

    @Test
    void aMemberOverTheHourlyRequestsWaitsForTheOldestToLeaveTheHour() throws SQLException {
        admitted(ALICE, requestsPerHour(2));
        clock.advance(Duration.ofMinutes(10));
        admitted(ALICE, requestsPerHour(2));
        clock.advance(Duration.ofMinutes(10));

        Admission third = admit(ALICE, requestsPerHour(2), QuotaLimits.UNLIMITED);

        assertThat(third).isEqualTo(new Refused(Scope.MEMBER, Window.HOUR, Measure.REQUESTS, 2,
                START.plus(Duration.ofHours(1))));
        assertThat(rows()).isEqualTo(2);
        assertThat(admit(BOB, requestsPerHour(2), QuotaLimits.UNLIMITED)).isInstanceOf(Admitted.class);
        clock.advance(Duration.ofMinutes(40));
        assertThat(admit(ALICE, requestsPerHour(2), QuotaLimits.UNLIMITED)).isInstanceOf(Admitted.class);
    }

    @Test
    void callsInFlightCount() throws SQLException {
        admitted(ALICE, requestsPerHour(1));

        assertThat(admit(ALICE, requestsPerHour(1), QuotaLimits.UNLIMITED)).isInstanceOf(Refused.class);
    }

    @Test
    void tokensCountAsTheProviderReportedThemUntilEnoughLeaveTheWindow() throws SQLException {
        QuotaLimits tokens = new QuotaLimits(-1, -1, 100, -1);
        finish(admitted(ALICE, tokens), 40, 20);
        clock.advance(Duration.ofMinutes(5));
        finish(admitted(ALICE, tokens), 30, 20);
        clock.advance(Duration.ofMinutes(5));

        Admission refused = admit(ALICE, tokens, QuotaLimits.UNLIMITED);

        // 110 used: when the first call (60) leaves the hour, 50 remain, under 100
        assertThat(refused).isEqualTo(new Refused(Scope.MEMBER, Window.HOUR, Measure.TOKENS, 100,
                START.plus(Duration.ofHours(1))));
    }

    @Test
    void theGuildsQuotaCountsEveryMemberAndTheLongestRefusalWins() throws SQLException {
        QuotaLimits guild = new QuotaLimits(-1, 3, -1, -1);
        admit(ALICE, QuotaLimits.UNLIMITED, guild);
        clock.advance(Duration.ofHours(2));
        admit(BOB, QuotaLimits.UNLIMITED, guild);
        admit(BOB, QuotaLimits.UNLIMITED, guild);

        Admission refused = admit(ALICE, requestsPerHour(5), guild);

        assertThat(refused).isEqualTo(new Refused(Scope.GUILD, Window.DAY, Measure.REQUESTS, 3,
                START.plus(Duration.ofDays(1))));
        Admission both = admit(BOB, requestsPerHour(2), guild);
        assertThat(both).isInstanceOfSatisfying(Refused.class,
                refusal -> assertThat(refusal.scope()).isEqualTo(Scope.GUILD));
    }

    @Test
    void aQuotaOfZeroNeverResets() throws SQLException {
        assertThat(admit(ALICE, requestsPerHour(0), QuotaLimits.UNLIMITED))
                .isEqualTo(new Refused(Scope.MEMBER, Window.HOUR, Measure.REQUESTS, 0, null));
        assertThat(rows()).isZero();
    }

    @Test
    void concurrentCallsNeverExceedAQuota() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Admission>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> admit(ALICE, requestsPerHour(5), QuotaLimits.UNLIMITED));
            }
            long admitted = 0;
            for (Future<Admission> result : pool.invokeAll(calls)) {
                admitted += result.get() instanceof Admitted ? 1 : 0;
            }
            // calls that check at the same moment may all be refused, never all admitted
            assertThat(admitted).isLessThanOrEqualTo(5);
            assertThat(rows()).isEqualTo(admitted);
            if (admitted < 5) {
                assertThat(admit(ALICE, requestsPerHour(5), QuotaLimits.UNLIMITED)).isInstanceOf(Admitted.class);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void membersGetTheDefaultOrTheMostGenerousOverrideOfTheirRoles() throws SQLException {
        long helpers = 500;
        long patrons = 600;
        long muted = 700;
        store.setLimits(GUILD, Scope.MEMBER, 0, new QuotaLimits(10, 50, 10_000, -1));
        store.setLimits(GUILD, Scope.MEMBER, helpers, new QuotaLimits(20, 100, 5_000, 100_000));
        store.setLimits(GUILD, Scope.MEMBER, patrons, new QuotaLimits(15, -1, 20_000, 50_000));
        store.setLimits(GUILD, Scope.MEMBER, muted, new QuotaLimits(0, 0, 0, 0));
        store.setLimits(GUILD, Scope.GUILD, 0, new QuotaLimits(100, 1_000, -1, -1));

        assertThat(store.memberLimits(GUILD, Set.of())).isEqualTo(new QuotaLimits(10, 50, 10_000, -1));
        assertThat(store.memberLimits(GUILD, Set.of(helpers, patrons)))
                .isEqualTo(new QuotaLimits(20, -1, 20_000, 100_000));
        assertThat(store.memberLimits(GUILD, Set.of(muted))).isEqualTo(new QuotaLimits(0, 0, 0, 0));
        assertThat(store.memberLimits(GUILD + 1, Set.of(helpers))).isEqualTo(QuotaLimits.UNLIMITED);
        assertThat(store.guildLimits(GUILD)).isEqualTo(new QuotaLimits(100, 1_000, -1, -1));

        store.setLimits(GUILD, Scope.MEMBER, 0, requestsPerHour(3));
        store.clearLimits(GUILD, Scope.GUILD, 0);
        assertThat(store.memberLimits(GUILD, Set.of())).isEqualTo(requestsPerHour(3));
        assertThat(store.guildLimits(GUILD)).isEqualTo(QuotaLimits.UNLIMITED);
        assertThatThrownBy(() -> store.setLimits(GUILD, Scope.GUILD, helpers, QuotaLimits.UNLIMITED))
                .hasMessageStartingWith("role:");
        assertThatThrownBy(() -> new QuotaLimits(-2, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReportFiltersByMemberProviderModelAndTimeAndListsTheNewestFirst() throws SQLException {
        finish(admitted(ALICE, QuotaLimits.UNLIMITED), 10, 20);
        clock.advance(Duration.ofMinutes(10));
        finish(admitted(BOB, QuotaLimits.UNLIMITED), 5, 5);
        clock.advance(Duration.ofMinutes(10));
        Admission other = store.admit(new UsageStore.Call(GUILD, ALICE, 77, "other", "big-model"),
                QuotaLimits.UNLIMITED, QuotaLimits.UNLIMITED);
        finish(((Admitted) other).usageId(), 100, 200);
        store.admit(new UsageStore.Call(GUILD + 1, ALICE, 5, "demo", "local-chat"), QuotaLimits.UNLIMITED,
                QuotaLimits.UNLIMITED);

        UsageStore.Report all = store.report(GUILD, new UsageStore.Filter(null, null, null, null, null), 10);
        assertThat(all.totals()).isEqualTo(new UsageStore.Totals(3, 115, 225, 4_500));
        assertThat(all.entries()).extracting(UsageStore.Entry::userId).containsExactly(ALICE, BOB, ALICE);
        assertThat(all.entries().get(0).model()).isEqualTo("big-model");

        assertThat(store.report(GUILD, new UsageStore.Filter(ALICE, null, null, null, null), 10).totals().requests())
                .isEqualTo(2);
        assertThat(store.report(GUILD, new UsageStore.Filter(ALICE, "demo", "local-chat", null, null), 10)
                .entries()).extracting(UsageStore.Entry::promptTokens).containsExactly(10);
        UsageStore.Report window = store.report(GUILD, new UsageStore.Filter(null, null, null,
                START.plus(Duration.ofMinutes(5)), START.plus(Duration.ofMinutes(15))), 0);
        assertThat(window.totals().requests()).isEqualTo(1);
        assertThat(window.entries()).isEmpty();
    }
}
