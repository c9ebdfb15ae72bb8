package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST API's tokens, roles, rate limits and audit log, over real HTTP. */
class AdminApiTest {
    @InjectBundleContext
    BundleContext context;

    private String base;
    private String admin;

    @BeforeEach
    void connect() throws Exception {
        base = Http.apiUrl(context);
        admin = Http.adminToken(context);
    }

    @Test
    void everyEndpointButHealthNeedsAValidToken() throws Exception {
        assertThat(Http.get(base + "health").statusCode()).isEqualTo(200);
        for (String path : List.of("modules", "tokens", "audit", "no-such-thing")) {
            HttpResponse<String> anonymous = Http.get(base + path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(Http.json(anonymous).path("error").asText()).isEqualTo("unauthorized");
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
        }
        HttpResponse<String> wrong = Http.getWithToken(base + "modules", "hc_0000000000_not-a-real-token-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(Http.json(wrong).path("message").asText()).contains("unknown or revoked");
        HttpResponse<String> notBearer = Http.get(base + "modules", "admin", "itest-console-password");
        assertThat(notBearer.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenIsShownOnceAndStoredHashed() throws Exception {
        JsonNode created = create("{\"name\": \"shown-once\", \"role\": \"read-only\"}");
        String secret = created.path("secret").asText();
        String id = created.path("token").path("id").asText();
        assertThat(secret).startsWith("hc_" + id + "_");
        HttpResponse<String> listed = Http.getWithToken(base + "tokens", admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id).doesNotContain(secret);
        assertThat(Http.getWithToken(base + "tokens/" + id, admin).body()).doesNotContain(secret);
        assertThat(Http.getWithToken(base + "modules", secret).statusCode()).isEqualTo(200);
    }

    @Test
    void rolesLimitWhatATokenMayDo() throws Exception {
        String reader = create("{\"name\": \"reader\", \"role\": \"read-only\"}").path("secret").asText();
        String operator = create("{\"name\": \"operator\", \"role\": \"operator\"}").path("secret").asText();

        assertThat(Http.getWithToken(base + "modules", reader).statusCode()).isEqualTo(200);
        HttpResponse<String> readerStops = Http.send("POST", base + "modules/org.hotcog.bot.core/stop", reader, null,
                null);
        assertThat(readerStops.statusCode()).isEqualTo(403);
        assertThat(Http.json(readerStops).path("message").asText()).contains("operator").contains("read-only");
        assertThat(Http.postJson(base + "tokens", operator, "{\"name\": \"x\", \"role\": \"admin\"}").statusCode())
                .as("an operator cannot make tokens").isEqualTo(403);
        assertThat(Http.getWithToken(base + "audit", operator).statusCode()).isEqualTo(403);
        assertThat(Http.send("POST", base + "modules", operator, "application/java-archive",
                TestBundles.feature("org.hotcog.itest.notallowed", "1.0.0", false)).statusCode()).isEqualTo(403);
        assertThat(Http.getWithToken(base + "modules/org.hotcog.itest.notallowed", admin).statusCode())
                .isEqualTo(404);

        JsonNode audit = Http.json(Http.getWithToken(base + "audit?limit=50", admin));
        List<String> refusals = new ArrayList<>();
        audit.forEach(entry -> refusals.add(entry.path("actor").asText() + " " + entry.path("action").asText() + " "
                + entry.path("result").asText()));
        assertThat(refusals).anyMatch(line -> line.startsWith("token:reader")
                && line.contains("POST /api/modules/org.hotcog.bot.core/stop") && line.endsWith("refused"));
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() throws Exception {
        JsonNode created = create("{\"name\": \"short-lived\", \"role\": \"operator\"}");
        String secret = created.path("secret").asText();
        assertThat(Http.getWithToken(base + "modules", secret).statusCode()).isEqualTo(200);
        String id = created.path("token").path("id").asText();
        assertThat(Http.send("DELETE", base + "tokens/" + id, admin, null, null).statusCode()).isEqualTo(204);
        assertThat(Http.getWithToken(base + "modules", secret).statusCode()).isEqualTo(401);
        assertThat(Http.json(Http.getWithToken(base + "tokens/" + id, admin)).path("revokedAt").isNull()).isFalse();
        HttpResponse<String> again = Http.send("DELETE", base + "tokens/" + id, admin, null, null);
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(Http.json(again).path("error").asText()).isEqualTo("not_found");
    }

    @Test
    void badTokenRequestsAreRefusedWithTheReason() throws Exception {
        assertRefused(Http.postJson(base + "tokens", admin, "{\"name\": \"x\", \"role\": "), 400, "not valid JSON");
        assertRefused(Http.postJson(base + "tokens", admin, "{\"name\": \"x\", \"role\": \"admin\", \"rateLimit\": \"fast\"}"),
                400, "rateLimit");
        assertRefused(Http.postJson(base + "tokens", admin, "{\"name\": \"x\", \"role\": \"admin\", \"colour\": 1}"),
                400, "colour");
        assertRefused(Http.postJson(base + "tokens", admin, "{\"role\": \"admin\"}"), 400, "name");
        assertRefused(Http.postJson(base + "tokens", admin, "{\"name\": \"x\", \"role\": \"root\"}"), 400, "role");
        assertRefused(Http.postJson(base + "tokens", admin, "{\"name\": \"x\", \"role\": \"admin\", \"rateLimit\": 0}"),
                400, "rateLimit");
        assertRefused(Http.postJson(base + "tokens", admin, "{\"name\": \"x\", \"role\": \"admin\", \"guilds\": [-1]}"),
                400, "guilds");
        assertRefused(Http.send("POST", base + "tokens", admin, "text/plain", "name=x".getBytes()), 415, "");
        assertRefused(Http.getWithToken(base + "tokens/nope", admin), 404, "nope");
        assertRefused(Http.getWithToken(base + "audit?limit=lots", admin), 400, "limit");
    }

    @Test
    void aBurstPastTheRateLimitIsAnswered429WithRetryAfter() throws Exception {
        String slow = create("{\"name\": \"slow\", \"role\": \"read-only\", \"rateLimit\": 1}").path("secret").asText();
        HttpResponse<String> last = null;
        for (int i = 0; i < 5; i++) {
            last = Http.getWithToken(base + "modules", slow);
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Http.json(last).path("error").asText()).isEqualTo("rate_limited");
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(Http.getWithToken(base + "modules", admin).statusCode()).as("other tokens go on").isEqualTo(200);
    }

    @Test
    void corsIsOffUnlessConfigured() throws Exception {
        HttpResponse<String> preflight = Http.send("OPTIONS", base + "modules", null, null, null);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "modules"))
                .header("Origin", "https://evil.example").header("Authorization", "Bearer " + admin).GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void configuredOriginsMayCallFromABrowser() throws Exception {
        CorsOrigins.set(context, base, "https://admin.example.org");
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            var preflight = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "modules"))
                    .header("Origin", "https://admin.example.org").header("Access-Control-Request-Method", "POST")
                    .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> answer = client.send(preflight, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://admin.example.org");
            assertThat(answer.headers().firstValue("Access-Control-Allow-Headers")).hasValueSatisfying(
                    headers -> assertThat(headers).contains("Authorization"));
            var other = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "modules"))
                    .header("Origin", "https://evil.example").header("Authorization", "Bearer " + admin).GET().build();
            assertThat(client.send(other, HttpResponse.BodyHandlers.ofString()).headers()
                    .firstValue("Access-Control-Allow-Origin")).isEmpty();
        } finally {
            // A test after this one must not meet the rebuild that the emptied setting brings.
            CorsOrigins.set(context, base, null);
        }
    }

    private JsonNode create(String json) throws Exception {
        HttpResponse<String> response = Http.postJson(base + "tokens", admin, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    static void assertRefused(HttpResponse<String> response, int status, String mentioned) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = Http.json(response);
        assertThat(body.path("error").asText()).isNotEmpty();
        assertThat(body.path("message").asText()).contains(mentioned);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
    }
}
