package org.hotcog.api.rest;

import java.util.Locale;

/**
 * What a REST API token may do. Each role includes the ones before it.
 */
public enum ApiRole {
    /** Reads everything, changes nothing. */
    READ_ONLY,
    /** Also starts, stops and reloads modules. */
    OPERATOR,
    /** Everything: installs, updates, rollbacks, tokens. */
    ADMIN;

    /** Whether a caller with this role may do what {@code needed} guards. */
    public boolean includes(ApiRole needed) {
        return compareTo(needed) >= 0;
    }

    /** The role as the API writes it: {@code read-only}, {@code operator}, {@code admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The {@link #wireName()}, as JSON answers write a role. */
    @Override
    public String toString() {
        return wireName();
    }

    /** The role of a {@link #wireName()}, or null for any other text. */
    public static ApiRole ofWireName(String name) {
        for (ApiRole role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        return null;
    }
}
