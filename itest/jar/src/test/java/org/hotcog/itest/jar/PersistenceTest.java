package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Framework storage lives in the data folder: a bundle installed or updated at runtime is still
 * there, in the same version and state, after the jar is restarted, and a module packed in the jar
 * stays stopped once an operator stopped it. A stopped feature leaves the bot healthy.
 */
class PersistenceTest {
    static final String NAME = "org.hotcog.itest.persisted";

    @TempDir
    Path dir;

    @Test
    void runtimeInstallsAndUpdatesSurviveRestarts() throws Exception {
        String password;
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            password = Files.readString(dir.resolve("data/console-password")).trim();
            install(hotcog, password, bundle("1.0.0"));
            JsonNode module = awaitModule(hotcog, "1.0.0", "ACTIVE");
            assertThat(module).as(hotcog.output()).isNotNull();
            assertThat(module.path("kind").asText()).isEqualTo("feature");
            assertThat(module.path("module").asText()).isEqualTo("persisted");
        }
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(awaitModule(hotcog, "1.0.0", "ACTIVE")).as("installed bundle after restart").isNotNull();
            // Update through the console's bundle page, as an operator would.
            install(hotcog, password, bundle("1.1.0"));
            assertThat(awaitModule(hotcog, "1.1.0", "ACTIVE")).isNotNull();
        }
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(awaitModule(hotcog, "1.1.0", "ACTIVE")).as("updated bundle after restart").isNotNull();
            long id = awaitModule(hotcog, "1.1.0", "ACTIVE").path("id").asLong();
            consolePost(hotcog, password, "/system/console/bundles/" + id, "action=stop");
            assertThat(awaitModule(hotcog, "1.1.0", "RESOLVED")).isNotNull();
        }
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(awaitModule(hotcog, "1.1.0", "RESOLVED")).as("a stopped bundle stays stopped").isNotNull();
        }
    }

    @Test
    void aRollbackStillWorksAfterARestart() throws Exception {
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(hotcog.post("/api/modules", "application/java-archive", bundle("2.0.0")).statusCode())
                    .isEqualTo(201);
            var updated = hotcog.post("/api/modules/persisted/update", "application/java-archive", bundle("2.1.0"));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        }
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(awaitModule(hotcog, "2.1.0", "ACTIVE")).isNotNull();
            JsonNode detail = LaunchTest.JSON.readTree(hotcog.get("/api/modules/persisted").body());
            assertThat(detail.path("previousVersion").asText()).isEqualTo("2.0.0");
            var rolledBack = hotcog.post("/api/modules/persisted/rollback", null, null);
            assertThat(rolledBack.statusCode()).as(rolledBack.body()).isEqualTo(200);
            assertThat(LaunchTest.JSON.readTree(rolledBack.body()).path("version").asText()).isEqualTo("2.0.0");
            assertThat(hotcog.get("/api/audit").body()).contains("rollback " + NAME + " 2.1.0 to 2.0.0");
        }
    }

    /** A module packed in the jar keeps the state the operator left it in, as one installed at runtime does. */
    @Test
    void aPackedModuleTheOperatorStoppedStaysStoppedOverRestarts() throws Exception {
        String economy = "org.hotcog.economy";
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(awaitState(hotcog, economy, "ACTIVE")).isTrue();
            assertThat(hotcog.post("/api/modules/economy/stop", null, null).statusCode()).isEqualTo(200);
        }
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(awaitState(hotcog, economy, "RESOLVED")).as(hotcog.output()).isTrue();
            assertThat(awaitState(hotcog, "org.hotcog.moderation", "ACTIVE")).as("the other modules").isTrue();
            assertThat(hotcog.post("/api/modules/economy/start", null, null).statusCode()).isEqualTo(200);
        }
        try (HotcogProcess hotcog = new HotcogProcess(dir).startAndAwaitReady()) {
            assertThat(awaitState(hotcog, economy, "ACTIVE")).as("started again, it starts with the jar").isTrue();
        }
    }

    /** Polls /api/modules until the bundle is in the state; false after 20 s. */
    private static boolean awaitState(HotcogProcess hotcog, String symbolicName, String state) throws Exception {
        return awaitModule(hotcog, module -> module.path("symbolicName").asText().equals(symbolicName)
                && module.path("state").asText().equals(state)) != null;
    }

    /** Polls /api/modules for the test bundle in the given version and state; null after 20 s. */
    private static JsonNode awaitModule(HotcogProcess hotcog, String version, String state) throws Exception {
        return awaitModule(hotcog, module -> module.path("symbolicName").asText().equals(NAME)
                && module.path("version").asText().equals(version) && module.path("state").asText().equals(state));
    }

    private static JsonNode awaitModule(HotcogProcess hotcog, Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode module : LaunchTest.JSON.readTree(hotcog.get("/api/modules").body())) {
                if (wanted.test(module)) {
                    return module;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static byte[] bundle(String version) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", NAME);
        main.putValue("Bundle-Version", version);
        main.putValue("Hotcog-Module", "persisted");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            jar.putNextEntry(new JarEntry("readme.txt"));
            jar.write(version.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** The Web Console's install form: upload, start, refresh packages (updates a bundle in place). */
    private static void install(HotcogProcess hotcog, String password, byte[] jar) throws Exception {
        String boundary = "----hotcog" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "action", "install");
        field(body, boundary, "bundlestart", "start");
        field(body, boundary, "refreshPackages", "refresh");
        field(body, boundary, "bundlestartlevel", "1");
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlefile\"; filename=\"test.jar\""
                + "\r\nContent-Type: application/java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(jar);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url("/system/console/bundles")))
                .header("Authorization", auth(password))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 302);
    }

    private static void consolePost(HotcogProcess hotcog, String password, String path, String form) throws Exception {
        var response = hotcog.send(HttpRequest.newBuilder(URI.create(hotcog.url(path)))
                .header("Authorization", auth(password))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(response.statusCode()).as(response.body()).isIn(200, 302);
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value)
            throws IOException {
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static String auth(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }
}
