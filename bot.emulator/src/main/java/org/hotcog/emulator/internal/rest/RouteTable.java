package org.hotcog.emulator.internal.rest;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes of a REST API by method and path pattern, placeholders in braces ({@code servers/{server}/power}); shared
 * by the local Discord and the local Pterodactyl panel. Add every route before serving: the table is not
 * synchronized.
 *
 * @param <T> what a route leads to
 */
public final class RouteTable<T> {
    private record Entry<T>(String method, String[] segments, T target) {
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    /**
     * @param method the HTTP method, upper case
     * @param pattern the path relative to the API's prefix, placeholders in braces
     * @param target what the route leads to
     */
    public void add(String method, String pattern, T target) {
        entries.add(new Entry<>(method, pattern.split("/"), target));
    }

    /**
     * Finds the first route for a request.
     *
     * @param method the request's method, upper case
     * @param segments the request's path relative to the prefix, split at {@code /} and decoded
     * @param params receives the placeholders' values of the route found
     * @return the route's target, or null when none matches
     */
    public T match(String method, String[] segments, Map<String, String> params) {
        for (Entry<T> entry : entries) {
            if (entry.method().equals(method) && matches(entry.segments(), segments)) {
                for (int i = 0; i < segments.length; i++) {
                    String pattern = entry.segments()[i];
                    if (pattern.startsWith("{")) {
                        params.put(pattern.substring(1, pattern.length() - 1), segments[i]);
                    }
                }
                return entry.target();
            }
        }
        return null;
    }

    private static boolean matches(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (!pattern[i].startsWith("{") && !pattern[i].equals(segments[i])) {
                return false;
            }
        }
        return true;
    }

    /** A raw path after the prefix, split at {@code /} and each segment URL-decoded (so "/" inside a value cannot split it). */
    public static String[] segments(String rawPath) {
        String[] raw = rawPath.split("/");
        String[] segments = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            segments[i] = URLDecoder.decode(raw[i], StandardCharsets.UTF_8);
        }
        return segments;
    }

    /** The parameters of a raw query string, URL-decoded; a key without a value maps to "". */
    public static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        Map<String, String> query = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(key, value);
        }
        return query;
    }
}
