package org.hotcog.itest.framework;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST API as an admin reaches it, for tests outside this package. */
public final class HttpAccess {
    private final String base;
    private final String admin;

    private HttpAccess(String base, String admin) {
        this.base = base;
        this.admin = admin;
    }

    /** Waits until the API answers, with the admin token the first start wrote. */
    public static HttpAccess connect(BundleContext context) throws Exception {
        return new HttpAccess(Http.apiUrl(context), Http.adminToken(context));
    }

    /** A request without a body below {@code /api/}, with the given token. */
    public HttpResponse<String> send(String method, String path, String token) throws IOException, InterruptedException {
        return Http.send(method, base + path, token, null, null);
    }

    /** A request with a JSON body below {@code /api/}, with the given token. */
    public HttpResponse<String> sendJson(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        return Http.send(method, base + path, token, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** A jar upload ({@code POST}) below {@code /api/}, with the admin token. */
    public HttpResponse<String> upload(String path, byte[] jar) throws IOException, InterruptedException {
        return Http.send("POST", base + path, admin, "application/java-archive", jar);
    }

    public HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return send(method, path, admin);
    }

    public JsonNode json(String method, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(method, path);
        if (response.statusCode() >= 300) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Http.json(response);
    }

    /** Creates a token and returns its secret. */
    public String createToken(String json) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.postJson(base + "tokens", admin, json);
        if (response.statusCode() != 201) {
            throw new AssertionError("token not created: " + response.body());
        }
        return Http.json(response).path("secret").asText();
    }
}
