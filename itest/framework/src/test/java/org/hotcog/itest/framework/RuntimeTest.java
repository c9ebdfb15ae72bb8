package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import com.fasterxml.jackson.databind.JsonNode;

/** The runtime's bundles, its database and its REST application, inside a real framework. */
class RuntimeTest {
    @InjectBundleContext
    BundleContext context;

    @Test
    void everyRuntimeBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
            String policy = bundle.getHeaders("").get(Constants.BUNDLE_ACTIVATIONPOLICY);
            boolean lazy = bundle.getState() == Bundle.STARTING && policy != null && policy.startsWith("lazy");
            if (bundle.getState() != Bundle.ACTIVE && !fragment && !lazy) {
                notActive.add(bundle.getSymbolicName() + " " + bundle.getState());
            }
        }
        assertThat(notActive).isEmpty();
        assertThat(context.getBundles()).extracting(Bundle::getSymbolicName)
                .contains("org.hotcog.bot.core", "org.hotcog.bot.api", "org.hotcog.lib.jda", "org.apache.felix.scr",
                        "org.apache.felix.webconsole", "org.apache.aries.jax.rs.whiteboard", "com.h2database");
    }

    @Test
    void databaseServiceWorks(@InjectService(timeout = 20_000) DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS itest_probe (id INT PRIMARY KEY)");
            statement.execute("MERGE INTO itest_probe KEY (id) VALUES (1)");
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM itest_probe")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
        assertThat(database.isWrapperFor(AutoCloseable.class)).as("a bundle cannot reach the pool itself").isFalse();
    }

    @Test
    void healthAnswers200WithEachPart() throws Exception {
        HttpResponse<String> response = Http.await(Http.baseUrl(context) + "api/health", 200);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode health = Http.json(response);
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("database").path("state").asText()).isEqualTo("UP");
        assertThat(health.path("framework").path("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void modulesListEveryBundleWithItsKind() throws Exception {
        HttpResponse<String> response = Http.await(Http.baseUrl(context) + "api/modules", Http.adminToken(context),
                200);
        JsonNode modules = Http.json(response);
        assertThat(modules.size()).isEqualTo(context.getBundles().length);
        JsonNode core = null;
        for (JsonNode module : modules) {
            if (module.path("symbolicName").asText().equals("org.hotcog.bot.core")) {
                core = module;
            }
        }
        assertThat(core).isNotNull();
        assertThat(core.path("kind").asText()).isEqualTo("core");
        assertThat(core.path("state").asText()).isEqualTo("ACTIVE");
        Bundle coreBundle = java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("org.hotcog.bot.core")).findFirst().orElseThrow();
        assertThat(core.path("id").asLong()).isEqualTo(coreBundle.getBundleId());
        assertThat(core.path("version").asText()).isEqualTo(coreBundle.getVersion().toString());
    }

    @Test
    void errorsAreJsonWithTheRightStatus() throws Exception {
        String base = Http.baseUrl(context);
        Http.await(base + "api/health", 200);
        String token = Http.adminToken(context);
        HttpResponse<String> unknownPath = Http.getWithToken(base + "api/no-such-thing", token);
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknownPath).path("error").asText()).isEqualTo("not_found");
        HttpResponse<String> unknownModule = Http.getWithToken(base + "api/modules/999999", token);
        assertThat(unknownModule.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknownModule).path("message").asText()).contains("999999");
        HttpResponse<String> badId = Http.getWithToken(base + "api/modules/abc", token);
        assertThat(badId.statusCode()).isEqualTo(404);
        assertThat(badId.body()).doesNotContain("Exception").doesNotContain("<html");
    }

    /**
     * While Hotcog's application is not deployed (during start-up, until every bundle has started), {@code /api}
     * answers 503 with the API's error body, not an HTML "not found".
     */
    @Test
    void withoutTheApplicationTheApiSaysItIsNotUp(@InjectService ServiceComponentRuntime components)
            throws Exception {
        String base = Http.baseUrl(context);
        Http.await(base + "api/health", 200);
        Bundle core = Arrays.stream(context.getBundles())
                .filter(b -> "org.hotcog.bot.core".equals(b.getSymbolicName())).findFirst().orElseThrow();
        ComponentDescriptionDTO application = components.getComponentDescriptionDTO(core,
                "org.hotcog.core.internal.rest.HotcogApplication");
        components.disableComponent(application).getValue();
        try {
            HttpResponse<String> notUp = Http.await(base + "api/health", 503);
            assertThat(notUp.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
            assertThat(notUp.headers().firstValue("Retry-After")).contains("1");
            assertThat(Http.json(notUp).path("error").asText()).isEqualTo("unavailable");
        } finally {
            components.enableComponent(application).getValue();
        }
        Http.await(base + "api/health", 200);
    }
}
