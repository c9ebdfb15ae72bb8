package org.hotcog.economy.internal.shop;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.sql.DataSource;

import org.hotcog.economy.internal.ledger.Ledger;
import org.hotcog.economy.internal.ledger.LedgerKind;
import org.hotcog.economy.internal.ledger.LedgerRefusal;
import org.hotcog.economy.internal.settings.InvalidSettingException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A guild's shop in {@code economy_item}, and what members own in {@code economy_inventory}. A
 * purchase takes the coins, the stock and adds to the inventory in one ledger transaction: all of
 * it or none. Item names are unique per guild, whatever their case.
 */
@Component(service = Shop.class)
public final class Shop {
    /** Discord lists at most 25 choices, and a shop fits one embed. */
    public static final int MAX_ITEMS = 25;
    private static final String COLUMNS = "id, name, description, price, stock, role_id";
    /** SQLSTATE of a unique key violation, in H2 and PostgreSQL alike. */
    private static final String DUPLICATE_KEY = "23505";

    /** A purchase: what was bought and the buyer's balance after it. */
    public record Purchase(ShopItem item, int quantity, long balance) {
    }

    /** An item someone owns. */
    public record Owned(String name, int quantity) {
    }

    /** Why a purchase is refused; the message is for the member. */
    public static final class PurchaseRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PurchaseRefused(String message) {
            super(message, null, false, false);
        }
    }

    private final DataSource database;
    private final Ledger ledger;

    @Activate
    public Shop(@Reference DataSource database, @Reference Ledger ledger) {
        this.database = database;
        this.ledger = ledger;
    }

    /** The items on sale in a guild, cheapest first. */
    public List<ShopItem> items(long guildId) {
        return query("SELECT " + COLUMNS + " FROM economy_item WHERE guild_id = ? AND removed = FALSE "
                + "ORDER BY price, name_key", guildId);
    }

    /** An item on sale, by id. */
    public Optional<ShopItem> item(long guildId, long itemId) {
        return query("SELECT " + COLUMNS + " FROM economy_item WHERE guild_id = ? AND id = ? AND removed = FALSE",
                guildId, itemId).stream().findFirst();
    }

    /** An item on sale, by name in any case. */
    public Optional<ShopItem> item(long guildId, String name) {
        return query("SELECT " + COLUMNS + " FROM economy_item WHERE guild_id = ? AND name_key = ? AND removed = FALSE",
                guildId, key(name)).stream().findFirst();
    }

    /**
     * Puts a new item on sale.
     *
     * @throws InvalidSettingException for a bad value, a name in use, or a full shop
     */
    public ShopItem add(long guildId, ShopItem item) {
        item.validate();
        if (items(guildId).size() >= MAX_ITEMS) {
            throw new InvalidSettingException("name", "a shop has at most " + MAX_ITEMS + " items");
        }
        try (Connection connection = database.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO economy_item (guild_id, name, name_key, description, price, stock, role_id, removed) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, guildId);
            bind(insert, 2, item);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return new ShopItem(keys.getLong(1), item.name().strip(), item.description(), item.price(),
                        item.stock(), item.roleId());
            }
        } catch (SQLException e) {
            throw nameInUseOr(e, item);
        }
    }

    /**
     * Replaces an item on sale.
     *
     * @return false when the guild sells no such item
     * @throws InvalidSettingException for a bad value or a name in use
     */
    public boolean update(long guildId, ShopItem item) {
        item.validate();
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE economy_item SET name = ?, name_key = ?, description = ?, price = ?, stock = ?, role_id = ? "
                        + "WHERE id = ? AND guild_id = ? AND removed = FALSE")) {
            bind(update, 1, item);
            update.setLong(7, item.id());
            update.setLong(8, guildId);
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw nameInUseOr(e, item);
        }
    }

    /** Takes an item off sale; those who bought it keep it. False when the guild sells no such item. */
    public boolean remove(long guildId, long itemId) {
        try (Connection connection = database.getConnection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE economy_item SET removed = TRUE, name_key = CONCAT(name_key, ':', CAST(id AS VARCHAR(20))) "
                        + "WHERE id = ? AND guild_id = ? AND removed = FALSE")) {
            update.setLong(1, itemId);
            update.setLong(2, guildId);
            return update.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("could not remove an item: " + e.getMessage(), e);
        }
    }

    /**
     * Buys {@code quantity} of an item: the coins, the stock and the inventory change together.
     *
     * @throws PurchaseRefused when the item is gone or sold out
     * @throws LedgerRefusal when the buyer has too few coins
     */
    public Purchase buy(long scope, long guildId, long userId, long itemId, int quantity) throws LedgerRefusal {
        return ledger.inTransaction(connection -> {
            ShopItem item = locked(connection, guildId, itemId)
                    .orElseThrow(() -> new PurchaseRefused("That item is not for sale any more."));
            if (item.stock() != null && item.stock() < quantity) {
                throw new PurchaseRefused(item.stock() == 0 ? "**" + item.name() + "** is sold out."
                        : "Only " + item.stock() + " of **" + item.name() + "** are left.");
            }
            long balance = Ledger.apply(connection, scope, userId, -Math.multiplyExact(item.price(), quantity),
                    LedgerKind.BUY, 0, guildId, userId, quantity + " × " + item.name());
            if (item.stock() != null) {
                execute(connection, "UPDATE economy_item SET stock = stock - ? WHERE id = ?", quantity, itemId);
            }
            changeInventory(connection, guildId, userId, itemId, quantity);
            return new Purchase(item, quantity, balance);
        });
    }

    /** Undoes a purchase whose role Discord refused: coins, stock and inventory as before it. */
    public long refund(long scope, long guildId, long userId, Purchase purchase) throws LedgerRefusal {
        ShopItem item = purchase.item();
        return ledger.inTransaction(connection -> {
            if (item.stock() != null) {
                execute(connection, "UPDATE economy_item SET stock = stock + ? WHERE id = ?", purchase.quantity(),
                        item.id());
            }
            changeInventory(connection, guildId, userId, item.id(), -purchase.quantity());
            return Ledger.apply(connection, scope, userId, item.price() * purchase.quantity(), LedgerKind.REFUND, 0,
                    guildId, userId, purchase.quantity() + " × " + item.name());
        });
    }

    /** What a member owns in a guild, by name. */
    public List<Owned> inventory(long guildId, long userId) {
        List<Owned> owned = new ArrayList<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT i.name, v.quantity FROM economy_inventory v JOIN economy_item i ON i.id = v.item_id "
                        + "WHERE v.guild_id = ? AND v.user_id = ? AND v.quantity > 0 ORDER BY i.name_key")) {
            select.setLong(1, guildId);
            select.setLong(2, userId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    owned.add(new Owned(rs.getString(1), rs.getInt(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read an inventory: " + e.getMessage(), e);
        }
        return owned;
    }

    private static Optional<ShopItem> locked(Connection connection, long guildId, long itemId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM economy_item "
                + "WHERE guild_id = ? AND id = ? AND removed = FALSE FOR UPDATE")) {
            select.setLong(1, guildId);
            select.setLong(2, itemId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void changeInventory(Connection connection, long guildId, long userId, long itemId, int delta)
            throws SQLException {
        if (execute(connection, "UPDATE economy_inventory SET quantity = quantity + ? WHERE guild_id = ? "
                + "AND user_id = ? AND item_id = ?", delta, guildId, userId, itemId) == 0) {
            // a duplicate key here (two first purchases at once) retries the transaction
            execute(connection, "INSERT INTO economy_inventory (guild_id, user_id, item_id, quantity) "
                    + "VALUES (?, ?, ?, ?)", guildId, userId, itemId, delta);
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

    private List<ShopItem> query(String sql, Object... parameters) {
        List<ShopItem> items = new ArrayList<>();
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(read(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the shop: " + e.getMessage(), e);
        }
        return items;
    }

    private static ShopItem read(ResultSet rs) throws SQLException {
        int stock = rs.getInt(5);
        Integer limited = rs.wasNull() ? null : stock;
        return new ShopItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), limited, rs.getLong(6));
    }

    private static void bind(PreparedStatement statement, int first, ShopItem item) throws SQLException {
        statement.setString(first, item.name().strip());
        statement.setString(first + 1, key(item.name()));
        statement.setString(first + 2, item.description());
        statement.setLong(first + 3, item.price());
        if (item.stock() == null) {
            statement.setNull(first + 4, Types.INTEGER);
        } else {
            statement.setInt(first + 4, item.stock());
        }
        statement.setLong(first + 5, item.roleId());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static RuntimeException nameInUseOr(SQLException e, ShopItem item) {
        if (DUPLICATE_KEY.equals(e.getSQLState())) {
            return new InvalidSettingException("name", "the shop has an item named " + item.name().strip() + " already");
        }
        return new IllegalStateException("could not store an item: " + e.getMessage(), e);
    }
}
