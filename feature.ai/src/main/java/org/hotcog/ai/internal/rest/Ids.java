package org.hotcog.ai.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import javax.ws.rs.BadRequestException;

/** Parameters of the AI API as text, read strictly: a bad one is a 400 that names it. */
final class Ids {
    private Ids() {
    }

    /** A Discord id, or null when absent. */
    static Long optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(value.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // the 400 below says what is expected
        }
        throw new BadRequestException(name + ": must be a Discord id");
    }

    /** An ISO-8601 instant such as {@code 2026-12-07T08:00:00Z}, or null when absent. */
    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + ": must be a time such as 2026-12-07T08:00:00Z");
        }
    }
}
