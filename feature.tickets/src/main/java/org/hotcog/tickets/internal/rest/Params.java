package org.hotcog.tickets.internal.rest;

import javax.ws.rs.BadRequestException;

/** Query and path parameters of the tickets API, checked: a bad one is a 400 naming it. */
final class Params {
    private Params() {
    }

    /** A Discord id given as text, or 0 when absent. */
    static long id(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + ": must be a Discord id");
    }

    /** A whole number from {@code min} to {@code max}, or {@code otherwise} when absent. */
    static int number(String name, String value, int min, int max, int otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadRequestException(name + ": must be a whole number from " + min + " to " + max);
    }
}
