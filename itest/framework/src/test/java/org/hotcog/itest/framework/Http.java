package org.hotcog.itest.framework;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Real HTTP against the framework's Jetty, on whatever port it was given. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Whether the REST application was seen to stop changing in this run (see {@link #awaitSettled}). */
    private static volatile boolean settled;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** The base URL the HTTP runtime advertises, such as {@code http://127.0.0.1:40123/}. */
    static String baseUrl(BundleContext context) throws InvalidSyntaxException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(osgi.http.endpoint=*)");
            if (refs != null) {
                Object endpoint = refs[0].getProperty("osgi.http.endpoint");
                String url = endpoint instanceof String[] all ? all[0] : String.valueOf(endpoint);
                if (!url.contains(":0/")) {
                    return url.endsWith("/") ? url : url + "/";
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the HTTP runtime advertised no endpoint");
    }

    static HttpResponse<String> get(String url, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return get(url, null, null);
    }

    /** The REST API's base URL, such as {@code http://127.0.0.1:40123/api/}, once it answers. */
    static String apiUrl(BundleContext context) throws IOException, InterruptedException, InvalidSyntaxException {
        String api = baseUrl(context) + "api/";
        String token = adminToken(context);
        await(api + "modules", token, 200);
        if (!settled) {
            awaitSettled(api, token);
            settled = true;
        }
        return api;
    }

    /**
     * Waits, once per test run, until the REST application stops changing: under this test launcher the whiteboard
     * deploys it at once and builds its server again for each resource the modules register while they start (the
     * executable jar's launcher deploys it once), and a request that meets a rebuild is answered 503 unavailable.
     * Settled: the OpenAPI document, which lists every endpoint, is the same for a second.
     */
    private static void awaitSettled(String api, String token) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        String last = null;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> document = getWithToken(api + "openapi.json", token);
            String now = document.statusCode() == 200 ? document.body() : null;
            if (now != null && now.equals(last)) {
                return;
            }
            last = now;
            Thread.sleep(1_000);
        }
    }

    /** The admin token that the first start wrote into the data folder. */
    static String adminToken(BundleContext context) throws IOException, InterruptedException {
        Path file = Path.of(context.getProperty("hotcog.data.dir"), "admin-token");
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.isRegularFile(file) && !Files.readString(file).isBlank()) {
                return Files.readString(file).strip();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no admin token was written to " + file);
    }

    /** A console request: basic credentials, and the header the Hotcog tab's actions carry unless null. */
    static HttpResponse<String> console(String method, String url, String password, String actionHeader,
            String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8)));
        if (actionHeader != null) {
            request.header("X-Hotcog-Console", actionHeader);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request with a bearer token (none when null) and a body (none when null). */
    static HttpResponse<String> send(String method, String url, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> getWithToken(String url, String token) throws IOException, InterruptedException {
        return send("GET", url, token, null, null);
    }

    static HttpResponse<String> postJson(String url, String token, String json) throws IOException, InterruptedException {
        return send("POST", url, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls until the URL answers the status, for services that register a moment after start. */
    static HttpResponse<String> await(String url, int status) throws IOException, InterruptedException {
        return await(url, null, status);
    }

    static HttpResponse<String> await(String url, String token, int status) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<String> response = getWithToken(url, token);
        while (response.statusCode() != status && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            response = getWithToken(url, token);
        }
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
