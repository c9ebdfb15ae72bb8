package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotcog.itest.framework.AdminApiTest.assertRefused;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.test.common.annotation.InjectBundleContext;

import com.fasterxml.jackson.databind.JsonNode;

/** Every module operation of {@code /api/modules}, with good and bad input, over real HTTP. */
class ModulesApiTest {
    private static final String MANAGED = "org.hotcog.itest.managed";
    private static final String JAR = "application/java-archive";

    @InjectBundleContext
    BundleContext context;

    private String base;
    private String admin;

    @BeforeEach
    void connect() throws Exception {
        base = Http.apiUrl(context);
        admin = Http.adminToken(context);
    }

    @AfterEach
    void removeTestModules() throws Exception {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getSymbolicName() != null && bundle.getSymbolicName().startsWith("org.hotcog.itest.")
                    && bundle.getLocation().startsWith("hotcog:module:")) {
                Http.send("DELETE", base + "modules/" + bundle.getBundleId(), admin, null, null);
            }
        }
    }

    @Test
    void aModuleGoesThroughItsWholeLife() throws Exception {
        HttpResponse<String> installed = Http.send("POST", base + "modules", admin, JAR,
                TestBundles.feature(MANAGED, "1.0.0", false));
        assertThat(installed.statusCode()).as(installed.body()).isEqualTo(201);
        long id = Http.json(installed).path("id").asLong();
        assertThat(installed.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/api/modules/" + id));
        JsonNode detail = Http.json(Http.getWithToken(base + "modules/" + id, admin));
        assertThat(detail.path("module").path("state").asText()).isEqualTo("ACTIVE");
        assertThat(detail.path("module").path("kind").asText()).isEqualTo("feature");
        assertThat(detail.path("commands").toString()).contains("/swap");
        assertThat(detail.path("services").toString()).contains("org.hotcog.api.command.SlashCommand");
        assertThat(detail.path("previousVersion").isNull()).isTrue();

        assertThat(state(post(id, "stop", 200))).isEqualTo("RESOLVED");
        assertThat(state(post(id, "start", 200))).isEqualTo("ACTIVE");
        assertThat(state(post(id, "reload", 200))).isEqualTo("ACTIVE");

        HttpResponse<String> updated = Http.send("POST", base + "modules/" + id + "/update", admin, JAR,
                TestBundles.feature(MANAGED, "1.1.0", false));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(Http.json(updated).path("version").asText()).isEqualTo("1.1.0");
        assertThat(Http.json(Http.getWithToken(base + "modules/swap", admin)).path("previousVersion").asText())
                .as("found by its module name too").isEqualTo("1.0.0");

        JsonNode rolledBack = Http.json(post(id, "rollback", 200));
        assertThat(rolledBack.path("version").asText()).isEqualTo("1.0.0");
        assertThat(rolledBack.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(Http.json(Http.getWithToken(base + "modules/" + id, admin)).path("previousVersion").asText())
                .as("a second rollback goes forward again").isEqualTo("1.1.0");

        assertThat(Http.send("DELETE", base + "modules/" + id, admin, null, null).statusCode()).isEqualTo(204);
        assertThat(context.getBundle(id)).isNull();
        assertRefused(Http.getWithToken(base + "modules/" + id, admin), 404, String.valueOf(id));
    }

    @Test
    void anUpdateWhoseComponentFailsIsRolledBackAtOnce() throws Exception {
        long id = Http.json(Http.send("POST", base + "modules", admin, JAR,
                TestBundles.feature(MANAGED, "2.0.0", false))).path("id").asLong();
        HttpResponse<String> broken;
        String log;
        try (StandardErrorCapture captured = new StandardErrorCapture()) {
            broken = Http.send("POST", base + "modules/" + id + "/update", admin, JAR,
                    TestBundles.feature(MANAGED, "2.1.0", true));
            log = captured.text();
        }
        String failure = "component swap failed to activate: release 2.1.0 cannot start; version 2.0.0 runs again";
        assertRefused(broken, 422, failure);
        assertThat(Http.json(broken).path("error").asText()).isEqualTo("failed");
        assertThat(Http.json(broken).path("message").asText()).isEqualTo(failure);
        Bundle bundle = context.getBundle(id);
        assertThat(bundle.getVersion().toString()).isEqualTo("2.0.0");
        assertThat(bundle.getState()).isEqualTo(Bundle.ACTIVE);
        JsonNode detail = Http.json(Http.getWithToken(base + "modules/" + id, admin));
        assertThat(detail.path("problems")).isEmpty();
        assertThat(detail.path("commands").toString()).contains("/swap");

        String action = "update " + MANAGED + " 2.0.0 to 2.1.0";
        JsonNode audited = auditEntry(action);
        assertThat(audited.path("result").asText()).isEqualTo("rolled-back");
        assertThat(audited.path("detail").asText()).isEqualTo(failure);
        assertThat(log).as("the log says what failed").contains("ERROR").contains(action + ": " + failure);
    }

    @Test
    void aModuleInstalledElsewhereCanBeUpdatedAndRolledBack() throws Exception {
        // Installed as the console's bundle page does: Hotcog has no jar of it until its first update.
        Bundle bundle = context.installBundle("inputstream:managed.jar",
                new java.io.ByteArrayInputStream(TestBundles.feature(MANAGED, "5.0.0", false)));
        try {
            bundle.start();
            HttpResponse<String> updated = Http.send("POST", base + "modules/" + bundle.getBundleId() + "/update",
                    admin, JAR, TestBundles.feature(MANAGED, "5.1.0", false));
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
            JsonNode rolledBack = Http.json(post(bundle.getBundleId(), "rollback", 200));
            assertThat(rolledBack.path("version").asText()).isEqualTo("5.0.0");
            assertThat(bundle.getState()).isEqualTo(Bundle.ACTIVE);
            assertThat(bundle.loadClass("org.hotcog.itest.fixture.SwapCommand")).as("classes of the copied jar")
                    .isNotNull();
        } finally {
            bundle.uninstall();
        }
    }

    @Test
    void anInstallWhoseComponentFailsLeavesNothingInstalled() throws Exception {
        assertRefused(Http.send("POST", base + "modules", admin, JAR, TestBundles.feature(MANAGED, "3.0.0", true)),
                422, "cannot start");
        assertThat(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName)).doesNotContain(MANAGED);
    }

    @Test
    void aBundleThatWouldNotResolveIsRefusedNamingWhatIsMissing() throws Exception {
        HttpResponse<String> refused = Http.send("POST", base + "modules", admin, JAR,
                TestBundles.unresolvable("org.hotcog.itest.unresolvable"));
        assertRefused(refused, 422, "org.example.nowhere");
        assertThat(Http.json(refused).path("error").asText()).isEqualTo("unresolved");
        assertThat(Arrays.stream(context.getBundles()).map(Bundle::getSymbolicName))
                .doesNotContain("org.hotcog.itest.unresolvable");
    }

    @Test
    void anUpdateThatWouldNotResolveIsRefusedWhileTheRunningVersionGoesOn() throws Exception {
        long id = Http.json(Http.send("POST", base + "modules", admin, JAR,
                TestBundles.feature(MANAGED, "6.0.0", false))).path("id").asLong();
        Bundle running = context.getBundle(id);
        Object command = commandServiceId(running);
        List<Integer> events = new CopyOnWriteArrayList<>();
        BundleListener watch = event -> {
            if (event.getBundle().getBundleId() == id) {
                events.add(event.getType());
            }
        };
        context.addBundleListener(watch);
        HttpResponse<String> refused;
        try {
            refused = Http.send("POST", base + "modules/" + id + "/update", admin, JAR,
                    TestBundles.unresolvable(MANAGED));
        } finally {
            context.removeBundleListener(watch);
        }
        assertRefused(refused, 422, "unmet requirements: osgi.wiring.package (&(osgi.wiring.package=org.example.nowhere)");
        assertThat(Http.json(refused).path("error").asText()).isEqualTo("unresolved");
        assertThat(events).as("the running version was never stopped, updated or refreshed").isEmpty();
        assertThat(running.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(running.getVersion().toString()).isEqualTo("6.0.0");
        assertThat(commandServiceId(running)).as("its command's service was never withdrawn").isEqualTo(command);
        assertThat(Arrays.stream(context.getBundles()).map(Bundle::getLocation))
                .noneMatch(location -> location.startsWith("hotcog:trial:"));
        assertThat(Http.json(Http.getWithToken(base + "modules/" + id, admin)).path("previousVersion").isNull())
                .as("the refused jar is not kept for rollbacks").isTrue();
        JsonNode audited = auditEntry("update " + MANAGED + " 6.0.0 to 1.0.0");
        assertThat(audited.path("result").asText()).isEqualTo("refused");
        assertThat(audited.path("detail").asText()).contains("org.example.nowhere");
    }

    @Test
    void anUpdateToTheSameVersionIsCheckedAfterTheSwapAndRolledBack() throws Exception {
        // The framework refuses a trial copy of an installed name and version, so this resolves in place.
        long id = Http.json(Http.send("POST", base + "modules", admin, JAR,
                TestBundles.feature(MANAGED, "1.0.0", false))).path("id").asLong();
        HttpResponse<String> refused = Http.send("POST", base + "modules/" + id + "/update", admin, JAR,
                TestBundles.unresolvable(MANAGED));
        assertRefused(refused, 422, "org.example.nowhere");
        assertThat(Http.json(refused).path("message").asText()).endsWith("; version 1.0.0 runs again");
        assertThat(context.getBundle(id).getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(auditEntry("update " + MANAGED + " 1.0.0 to 1.0.0").path("result").asText())
                .isEqualTo("rolled-back");
    }

    @Test
    void anOperatorStopsStartsAndReloadsButDoesNotReplaceOrRemove() throws Exception {
        long id = Http.json(Http.send("POST", base + "modules", admin, JAR,
                TestBundles.feature(MANAGED, "7.0.0", false))).path("id").asLong();
        String operator = Http.json(Http.postJson(base + "tokens", admin,
                "{\"name\": \"deployer\", \"role\": \"operator\"}")).path("secret").asText();
        assertThat(state(post(id, "stop", operator, 200))).isEqualTo("RESOLVED");
        assertThat(context.getBundle(id).getState()).isEqualTo(Bundle.RESOLVED);
        assertThat(state(post(id, "start", operator, 200))).isEqualTo("ACTIVE");
        assertThat(state(post(id, "reload", operator, 200))).isEqualTo("ACTIVE");
        assertThat(context.getBundle(id).getState()).isEqualTo(Bundle.ACTIVE);

        post(id, "rollback", operator, 403);
        assertThat(Http.send("DELETE", base + "modules/" + id, operator, null, null).statusCode()).isEqualTo(403);
        assertThat(context.getBundle(id)).isNotNull();
        JsonNode stopped = auditEntry("stop " + MANAGED + " 7.0.0");
        assertThat(stopped.path("actor").asText()).startsWith("token:deployer");
        assertThat(stopped.path("result").asText()).isEqualTo("ok");
        assertThat(auditEntry("reload " + MANAGED + " 7.0.0").path("result").asText()).isEqualTo("ok");
    }

    @Test
    void aModulesDetailNamesItsRestPaths() throws Exception {
        // This test bundle is module "itest", with SampleResource.
        JsonNode detail = Http.json(Http.getWithToken(base + "modules/itest", admin));
        assertThat(detail.path("restPaths")).extracting(JsonNode::asText)
                .contains("GET /api/itest/{guildId}/greeting", "POST /api/itest/{guildId}/refresh")
                .allMatch(path -> path.contains(" /api/itest/"));
    }

    @Test
    void badUploadsAreRefusedWithTheReason() throws Exception {
        assertRefused(Http.send("POST", base + "modules", admin, JAR, "not a jar at all".getBytes()), 400, "not a jar");
        java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("hello.txt"));
            out.write("hi".getBytes());
        }
        assertRefused(Http.send("POST", base + "modules", admin, JAR, zip.toByteArray()), 400, "not an OSGi bundle");
        assertRefused(Http.send("POST", base + "modules", admin, "text/plain", "hello".getBytes()), 415, "");
        assertRefused(Http.send("POST", base + "modules", admin, JAR, new byte[65 * 1024 * 1024]), 413, "MiB");
        long id = Http.json(Http.send("POST", base + "modules", admin, JAR,
                TestBundles.feature(MANAGED, "4.0.0", false))).path("id").asLong();
        assertRefused(Http.send("POST", base + "modules", admin, JAR, TestBundles.feature(MANAGED, "4.0.1", false)),
                409, "update it instead");
        assertRefused(Http.send("POST", base + "modules/" + id + "/update", admin, JAR,
                TestBundles.feature("org.hotcog.itest.other", "1.0.0", false)), 409, MANAGED);
        assertRefused(Http.send("POST", base + "modules/999999/stop", admin, null, null), 404, "999999");
        assertRefused(Http.send("POST", base + "modules/" + id + "/rollback", admin, null, null), 409,
                "no previous version");
        String audit = Http.getWithToken(base + "audit?limit=50", admin).body();
        assertThat(audit).contains("the upload is not a jar (zip) file").contains("larger than 64 MiB")
                .as("refused uploads are in the audit log too");
    }

    @Test
    void coreBundlesRefuseStopAndUninstall() throws Exception {
        for (String core : new String[] { "org.hotcog.bot.core", "org.hotcog.bot.api", "org.apache.felix.webconsole",
                "org.apache.aries.jax.rs.whiteboard", "0" }) {
            assertRefused(Http.send("POST", base + "modules/" + core + "/stop", admin, null, null), 409, "core");
            assertRefused(Http.send("DELETE", base + "modules/" + core, admin, null, null), 409, "core");
        }
        assertThat(Arrays.stream(context.getBundles()).filter(b -> b.getSymbolicName().equals("org.hotcog.bot.core"))
                .findFirst().orElseThrow().getState()).isEqualTo(Bundle.ACTIVE);
    }

    private HttpResponse<String> post(long id, String action, int status) throws Exception {
        return post(id, action, admin, status);
    }

    private HttpResponse<String> post(long id, String action, String token, int status) throws Exception {
        HttpResponse<String> response = Http.send("POST", base + "modules/" + id + "/" + action, token, null, null);
        assertThat(response.statusCode()).as(action + ": " + response.body()).isEqualTo(status);
        return response;
    }

    /** The newest audit entry of a module operation, such as {@code stop x 1.0.0}. */
    private JsonNode auditEntry(String action) throws Exception {
        for (JsonNode entry : Http.json(Http.getWithToken(base + "audit?limit=50", admin))) {
            if (entry.path("action").asText().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("no audit entry for " + action);
    }

    /** The service id of the bundle's /swap command, which changes when its component is deactivated. */
    private static Object commandServiceId(Bundle bundle) {
        return Arrays.stream(bundle.getRegisteredServices()).filter(reference -> Arrays.asList(
                (String[]) reference.getProperty("objectClass")).contains("org.hotcog.api.command.SlashCommand"))
                .findFirst().orElseThrow().getProperty("service.id");
    }

    private static String state(HttpResponse<String> response) throws Exception {
        return Http.json(response).path("state").asText();
    }
}
