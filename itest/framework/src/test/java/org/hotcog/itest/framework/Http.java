package org.hotcog.itest.framework;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

    /** Polls until the URL answers the status, for services that register a moment after start. */
    static HttpResponse<String> await(String url, int status) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<String> response = get(url);
        while (response.statusCode() != status && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            response = get(url);
        }
        return response;
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
