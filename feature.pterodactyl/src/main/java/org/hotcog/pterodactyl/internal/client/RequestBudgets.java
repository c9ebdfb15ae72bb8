package org.hotcog.pterodactyl.internal.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The budgets of every key in use, so that all clients of one key (a panel's key that a member also linked as
 * their own, a client rebuilt after a configuration change) draw on one budget, as the panel counts them. Owned by
 * the component that makes the clients; keyed by a hash of the key, so that the map holds no key.
 */
public final class RequestBudgets {
    private final int perMinute;
    private final Clock clock;
    private final Map<String, RequestBudget> budgets = new ConcurrentHashMap<>();

    /** @param perMinute requests each key may make in any minute (the panel's default limit is 240) */
    public RequestBudgets(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requests per minute: at least 1");
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    RequestBudget of(String key) {
        return budgets.computeIfAbsent(hash(key), h -> new RequestBudget(perMinute, Duration.ofMinutes(1), clock));
    }

    Clock clock() {
        return clock;
    }

    /** Forgets a key's budget, for a key that was unlinked or replaced. */
    public void forget(String key) {
        budgets.remove(hash(key));
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
