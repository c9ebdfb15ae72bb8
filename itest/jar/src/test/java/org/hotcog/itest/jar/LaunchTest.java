package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** First start on embedded defaults: web console, REST and H2 with no set-up. */
class LaunchTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void firstStartServesRestAndAProtectedConsole() throws Exception {
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            JsonNode health = JSON.readTree(hotcog.get("/api/health").body());
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("database").path("product").asText()).isEqualTo("H2");
            assertThat(Files.exists(dir.resolve("data/db/hotcog.mv.db"))).isTrue();

            Path passwordFile = dir.resolve("data/console-password");
            assertThat(Files.getPosixFilePermissions(passwordFile))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(dir.resolve("data")))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            String password = Files.readString(passwordFile).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(hotcog.output()).contains(passwordFile.toString()).doesNotContain(password);

            assertThat(console(hotcog, "admin", "admin")).isEqualTo(401);
            assertThat(console(hotcog, "admin", password)).isEqualTo(200);

            Path tokenFile = dir.resolve("data/admin-token");
            assertThat(Files.getPosixFilePermissions(tokenFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String token = Files.readString(tokenFile).strip();
            assertThat(hotcog.output()).contains(tokenFile.toString()).doesNotContain(token);
            assertThat(hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url("/api/modules"))).build())
                    .statusCode()).as("no token").isEqualTo(401);
            JsonNode modules = JSON.readTree(hotcog.get("/api/modules").body());
            assertThat(modules.findValuesAsText("symbolicName")).contains("org.hotcog.bot.core", "org.hotcog.lib.jda");
        }
    }

    @Test
    void tokensAreCreatedAndRevokedFromTheCommandLine() throws Exception {
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            HotcogProcess.CommandLine created = hotcog.command("token", "create", "deploy", "operator", "--rate", "20");
            assertThat(created.status()).as(created.output()).isZero();
            String secret = created.output().lines().findFirst().orElseThrow();
            assertThat(secret).startsWith("hc_");
            String id = secret.split("_")[1];
            var withToken = hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url("/api/modules")))
                    .header("Authorization", "Bearer " + secret).build());
            assertThat(withToken.statusCode()).isEqualTo(200);
            assertThat(hotcog.command("token", "list").output()).contains("\"deploy\"").doesNotContain(secret);

            HotcogProcess.CommandLine badRole = hotcog.command("token", "create", "x", "root");
            assertThat(badRole.status()).isEqualTo(1);
            assertThat(badRole.output()).contains("field \"role\" must be admin, operator or read-only");

            assertThat(hotcog.command("token", "revoke", id).status()).isZero();
            var revoked = hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url("/api/modules")))
                    .header("Authorization", "Bearer " + secret).build());
            assertThat(revoked.statusCode()).isEqualTo(401);
            hotcog.stop();
            HotcogProcess.CommandLine notRunning = hotcog.command("token", "list");
            assertThat(notRunning.status()).isEqualTo(1);
            assertThat(notRunning.output()).contains("not running");
            assertThat(hotcog.command("tokens").status()).as("a misspelt command").isEqualTo(2);
        }
    }

    @Test
    void aConfiguredAdminTokenIsUsedAndNoneIsGenerated() throws Exception {
        String token = "configured-admin-token-" + System.nanoTime();
        try (HotcogProcess hotcog = new HotcogProcess(dir).env("HOTCOG_ADMIN_TOKEN", token).startAndAwaitReady()) {
            assertThat(hotcog.get("/api/modules").statusCode()).isEqualTo(200);
            assertThat(Files.exists(dir.resolve("data/admin-token"))).isFalse();
            hotcog.stop();
            assertThat(hotcog.output()).doesNotContain(token);
        }
    }

    @Test
    void configuredSecretsNeverReachTheLog() throws Exception {
        String secret = "console-secret-" + System.nanoTime();
        String databaseSecret = "database-secret-" + System.nanoTime();
        String adminToken = "admin-token-secret-" + System.nanoTime();
        try (HotcogProcess hotcog = new HotcogProcess(dir).env("HOTCOG_CONSOLE_PASSWORD", secret)
                .env("HOTCOG_DATABASE_PASSWORD", databaseSecret).env("HOTCOG_ADMIN_TOKEN", adminToken)
                .env("HOTCOG_LOG_LEVEL", "debug").startAndAwaitReady()) {
            assertThat(console(hotcog, "admin", secret)).isEqualTo(200);
            assertThat(Files.exists(dir.resolve("data/console-password"))).isFalse();
            assertThat(JSON.readTree(hotcog.get("/api/health").body()).path("database").path("state").asText())
                    .isEqualTo("UP");
            hotcog.stop();
            assertThat(hotcog.output()).doesNotContain(secret).doesNotContain(databaseSecret)
                    .doesNotContain(adminToken);
        }
        // Framework storage (configurations included) is plain text on disk: no secret may be in it.
        try (var files = Files.walk(dir.resolve("data/osgi"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain(secret).doesNotContain(databaseSecret)
                        .doesNotContain(adminToken);
            }
        }
    }

    static int console(HotcogProcess hotcog, String user, String password) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url("/system/console/bundles")))
                .header("Authorization", "Basic " + auth).timeout(Duration.ofSeconds(10)).build()).statusCode();
    }
}
