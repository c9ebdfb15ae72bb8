package org.hotcog.core.internal.discord;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP client JDA sends the bot's REST requests with.
 *
 * <p>JDA's own keeps 5 idle connections for 10 s. Over HTTP/1.1 each request in flight needs a connection of its
 * own, so with more than five interactions answered at once most answers opened a new connection (and, to a
 * server on https, a new TLS handshake). This client keeps as many as a busy moment uses, for a minute. Where a
 * server offers HTTP/2 over TLS, okhttp carries every request over one connection and the pool size hardly matters;
 * it matters for HTTP/1.1: a Discord-compatible server on plain {@code http://}, the local Discord, or any server
 * that does not offer HTTP/2.
 *
 * <p>For a Discord on this machine ({@code http://} on a loopback address, as in offline mode) the client speaks
 * plain HTTP only: it then never loads the trust store and TLS, which otherwise cost start-up a noticeable part of
 * the Discord connection's time for nothing.
 */
final class DiscordHttpClient {
    /** Idle connections kept: the interactions a busy moment answers at once. */
    static final int IDLE_CONNECTIONS = 32;
    /** How long an idle connection is kept. */
    static final long KEEP_ALIVE_SECONDS = 60;
    /** As JDA's own client: at most this many asynchronous calls (file downloads) to one host at once. */
    private static final int REQUESTS_PER_HOST = 25;
    private static final Pattern LOOPBACK_IPV4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private DiscordHttpClient() {
    }

    /**
     * @param apiUrl the configured API URL; blank for Discord's own
     * @return a new client for the shards of one connection
     */
    static OkHttpClient forApi(String apiUrl) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequestsPerHost(REQUESTS_PER_HOST);
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS));
        if (isLocalPlainHttp(apiUrl)) {
            builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
        }
        return builder.build();
    }

    /** Closes the idle connections of a client whose shards have shut down: JDA leaves a client it was given open. */
    static void close(OkHttpClient client) {
        client.connectionPool().evictAll();
        client.dispatcher().executorService().shutdown();
    }

    /** Whether the URL is {@code http://} to a loopback address, named by IP or as {@code localhost} (no lookup). */
    static boolean isLocalPlainHttp(String apiUrl) {
        if (apiUrl.isBlank()) {
            return false;
        }
        URI uri = URI.create(apiUrl.trim());
        String host = uri.getHost();
        if (!"http".equalsIgnoreCase(uri.getScheme()) || host == null) {
            return false;
        }
        return host.equalsIgnoreCase("localhost") || LOOPBACK_IPV4.matcher(host).matches() || host.equals("[::1]");
    }
}
