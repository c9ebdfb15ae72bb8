package org.hotcog.itest.framework.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.hotcog.emulator.Message;
import org.hotcog.emulator.User;
import org.hotcog.itest.framework.discord.DiscordFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectService;

/**
 * 10,000 random payments among 100 members from 8 threads at once, each a real {@code /pay} through
 * the local Discord: afterwards no coin was made or lost, no balance is negative, and every
 * wallet equals the sum of its ledger.
 */
class ConcurrentPaymentsTest {
    static final int MEMBERS = 100;
    static final long START = 1_000;
    static final int PAYMENTS = 10_000;
    static final int THREADS = 8;
    static DiscordFixture fixture;

    @BeforeAll
    static void setUp(@InjectService(timeout = 20_000) ConfigurationAdmin configurationAdmin) throws Exception {
        fixture = new DiscordFixture(configurationAdmin);
        fixture.requireCommands(EconomyGuild.COMMANDS);
    }

    @AfterAll
    static void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    void noCoinIsMadeOrLostAndNoBalanceGoesBelowZero(@InjectService(timeout = 20_000) DataSource database)
            throws Exception {
        User owner = fixture.guild.owner();
        List<User> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            User user = fixture.discord.createUser("member" + i);
            fixture.guild.addMember(user);
            members.add(user);
            fixture.discord.command(owner, fixture.general, "eco").subcommand("give").option("member", user)
                    .option("amount", START).send().awaitReply(DiscordFixture.WAIT);
        }
        AtomicInteger paid = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService payers = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(t);
                done.add(payers.submit(() -> {
                    for (int i = 0; i < PAYMENTS / THREADS; i++) {
                        User payer = members.get(random.nextInt(MEMBERS));
                        User receiver = members.get(random.nextInt(MEMBERS));
                        if (payer == receiver) {
                            receiver = members.get((members.indexOf(payer) + 1) % MEMBERS);
                        }
                        Message answer = fixture.discord.command(payer, fixture.general, "pay")
                                .option("member", receiver).option("amount", 1 + random.nextInt(300)).send()
                                .awaitReply(Duration.ofSeconds(60));
                        if (answer.content().startsWith("You paid ")) {
                            paid.incrementAndGet();
                        } else {
                            assertThat(answer.content()).startsWith("You have only ");
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> payer : done) {
                payer.get();
            }
        } finally {
            payers.shutdownNow();
        }
        assertThat(paid.get() + refused.get()).isEqualTo(PAYMENTS);
        assertThat(paid.get()).as("most payments go through").isGreaterThan(PAYMENTS / 2);

        long scope = fixture.guild.id();
        assertThat(number(database, "SELECT SUM(balance) FROM economy_wallet WHERE scope_id = ?", scope))
                .isEqualTo(MEMBERS * START);
        assertThat(number(database, "SELECT SUM(delta) FROM economy_ledger WHERE scope_id = ?", scope))
                .isEqualTo(MEMBERS * START);
        assertThat(number(database, "SELECT COUNT(*) FROM economy_wallet WHERE scope_id = ? AND balance < 0", scope))
                .isZero();
        assertThat(number(database, "SELECT COUNT(*) FROM economy_wallet w WHERE scope_id = ? AND balance <> "
                + "(SELECT SUM(delta) FROM economy_ledger l WHERE l.scope_id = w.scope_id AND l.user_id = w.user_id)",
                scope)).as("wallets that differ from their ledger").isZero();
        assertThat(number(database, "SELECT COUNT(*) FROM economy_wallet w WHERE scope_id = ? AND balance <> "
                + "(SELECT balance_after FROM economy_ledger l WHERE l.id = (SELECT MAX(id) FROM economy_ledger m "
                + "WHERE m.scope_id = w.scope_id AND m.user_id = w.user_id))", scope))
                .as("wallets whose last ledger row says another balance").isZero();
        assertThat(number(database, "SELECT COUNT(*) FROM economy_ledger WHERE scope_id = ? AND kind IN "
                + "('pay_in', 'pay_out')", scope)).isEqualTo(2L * paid.get());
    }

    private static long number(DataSource database, String sql, long scope) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, scope);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
