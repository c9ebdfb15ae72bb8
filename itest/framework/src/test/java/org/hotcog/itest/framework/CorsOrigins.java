package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.framework.BundleContext;

/**
 * Sets the REST API's CORS origins through the configuration file, as an operator does, and waits until the API
 * applies them. Each change makes the whiteboard build the REST application's server again.
 */
final class CorsOrigins {
    private static final String SETTING = "api.cors.origins=";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private CorsOrigins() {
    }

    /** Allows {@code origin}, or no origin when it is null, and returns once the API shows it steadily. */
    static void set(BundleContext context, String api, String origin) throws IOException, InterruptedException {
        Path file = Path.of(context.getProperty("hotcog.config.file"));
        Files.createDirectories(file.getParent());
        String before = Files.exists(file) ? Files.readString(file).strip() : "";
        Files.writeString(file, origin == null ? "" : SETTING + origin + "\n");
        // Settled when two preflights half a second apart, answered by the API and not by a rebuild's 503, show the
        // new setting: the reload can rebuild the application more than once. Off shows as the absence of a header,
        // asked for by the origin allowed before.
        String probe = origin != null ? origin
                : before.startsWith(SETTING) ? before.substring(SETTING.length()) : "https://probe.example";
        Optional<String> expected = Optional.ofNullable(origin);
        long deadline = System.currentTimeMillis() + 20_000;
        int settled = 0;
        HttpResponse<String> answer = null;
        while (settled < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(settled == 0 ? 100 : 500); // the file is read again a moment after it changes
            answer = preflight(api, probe);
            boolean applied = answer.statusCode() != 503 && allowed(answer).equals(expected);
            settled = applied ? settled + 1 : 0;
        }
        assertThat(settled).as("CORS %s; the last preflight's answer: %d %s", origin == null ? "off" : "on for "
                + origin, answer.statusCode(), answer.body()).isEqualTo(2);
    }

    /** A browser's preflight from {@code origin} for a POST. */
    static HttpResponse<String> preflight(String api, String origin) throws IOException, InterruptedException {
        HttpRequest preflight = HttpRequest.newBuilder(URI.create(api + "modules")).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(preflight, HttpResponse.BodyHandlers.ofString());
    }

    /** The origin a preflight's answer allows, if any. */
    static Optional<String> allowed(HttpResponse<String> answer) {
        return answer.headers().firstValue("Access-Control-Allow-Origin");
    }
}
