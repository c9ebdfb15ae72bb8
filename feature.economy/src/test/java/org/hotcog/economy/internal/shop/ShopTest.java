package org.hotcog.economy.internal.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.ledger.LedgerKind;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.InvalidSettingException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The shop on H2 with the bundle's migrations: purchases are whole or nothing. */
class ShopTest {
    static final long GUILD = 3;
    private Connection keepAlive;
    private Ledger ledger;
    private Shop shop;

    @BeforeEach
    void setUp() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:shop-" + UUID.randomUUID());
        database.setUser("sa");
        keepAlive = database.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:/db/migration/V1__economy.sql'");
            s.execute("RUNSCRIPT FROM 'classpath:/db/migration/V2__shop_and_games.sql'");
        }
        ledger = new Ledger(database, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
            }

            @Override
            public void sendEvent(Event event) {
            }
        });
        shop = new Shop(database, ledger);
    }

    @AfterEach
    void tearDown() throws SQLException {
        keepAlive.close();
    }

    @Test
    void aPurchaseTakesCoinsStockAndFillsTheInventoryOrNothing() throws Exception {
        ShopItem cookie = shop.add(GUILD, new ShopItem(0, " Cookie ", "crunchy", 30, 3, 0));
        assertThat(cookie.name()).isEqualTo("Cookie");
        ledger.change(GUILD, GUILD, 1, 100, LedgerKind.GIVE, 9, null);

        Shop.Purchase purchase = shop.buy(GUILD, GUILD, 1, cookie.id(), 2);
        assertThat(purchase.balance()).isEqualTo(40);
        assertThat(shop.item(GUILD, cookie.id()).orElseThrow().stock()).isEqualTo(1);
        assertThat(shop.inventory(GUILD, 1)).containsExactly(new Shop.Owned("Cookie", 2));

        assertThatThrownBy(() -> shop.buy(GUILD, GUILD, 1, cookie.id(), 2)).isInstanceOf(Shop.PurchaseRefused.class)
                .hasMessage("Only 1 of **Cookie** are left.");
        ledger.change(GUILD, GUILD, 2, 10, LedgerKind.GIVE, 9, null);
        assertThatThrownBy(() -> shop.buy(GUILD, GUILD, 2, cookie.id(), 1)).isInstanceOf(LedgerRefusal.class);
        assertThat(shop.item(GUILD, cookie.id()).orElseThrow().stock()).as("no stock taken by a refused purchase")
                .isEqualTo(1);
        assertThat(shop.inventory(GUILD, 2)).isEmpty();

        assertThat(shop.refund(GUILD, GUILD, 1, purchase)).isEqualTo(100);
        assertThat(shop.item(GUILD, cookie.id()).orElseThrow().stock()).isEqualTo(3);
        assertThat(shop.inventory(GUILD, 1)).isEmpty();
        assertThat(count("SELECT SUM(delta) FROM economy_ledger WHERE user_id = 1")).isEqualTo(100);
    }

    @Test
    void namesAreUniqueInAnyCaseAndFreedByRemoval() {
        ShopItem vip = shop.add(GUILD, new ShopItem(0, "VIP", null, 500, null, 77));
        assertThatThrownBy(() -> shop.add(GUILD, new ShopItem(0, "vip", null, 10, null, 0)))
                .isInstanceOf(InvalidSettingException.class).hasMessage("name: the shop has an item named vip already");
        assertThat(shop.remove(GUILD, vip.id())).isTrue();
        assertThat(shop.items(GUILD)).isEmpty();
        assertThat(shop.add(GUILD, new ShopItem(0, "vip", null, 10, null, 0)).name()).isEqualTo("vip");
        assertThatThrownBy(() -> shop.add(GUILD, new ShopItem(0, "free", null, 0, null, 0)))
                .hasMessageStartingWith("price: a price is from 1 to");
    }

    private long count(String sql) throws SQLException {
        try (Statement s = keepAlive.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
