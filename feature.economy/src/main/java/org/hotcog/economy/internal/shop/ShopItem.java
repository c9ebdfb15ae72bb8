package org.hotcog.economy.internal.shop;

import org.hotcog.economy.internal.ledger.Coins;
import org.hotcog.economy.internal.settings.InvalidSettingException;

/**
 * An item of a guild's shop.
 *
 * @param id 0 for an item not stored yet
 * @param description null for none
 * @param stock how many are left, null for no limit
 * @param roleId the role a purchase gives, 0 for none
 */
public record ShopItem(long id, String name, String description, long price, Integer stock, long roleId) {
    public static final int MAX_NAME = 64;
    public static final int MAX_DESCRIPTION = 200;
    public static final int MAX_STOCK = 1_000_000;

    /**
     * Checks every value.
     *
     * @throws InvalidSettingException naming the first field that is wrong
     */
    public ShopItem validate() {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw new InvalidSettingException("name", "an item's name has 1 to " + MAX_NAME + " characters");
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new InvalidSettingException("description", "a description has at most " + MAX_DESCRIPTION
                    + " characters");
        }
        if (price < 1 || price > Coins.MAX_AMOUNT) {
            throw new InvalidSettingException("price", "a price is from 1 to " + Coins.format(Coins.MAX_AMOUNT));
        }
        if (stock != null && (stock < 0 || stock > MAX_STOCK)) {
            throw new InvalidSettingException("stock", "a stock is from 0 to " + Coins.format(MAX_STOCK)
                    + ", or none for no limit");
        }
        if (roleId < 0) {
            throw new InvalidSettingException("role", "must be a role id, or 0 for none");
        }
        return this;
    }
}
