package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

/** The web console answers only to its configured credentials; admin/admin is not one of them. */
class ConsoleTest {
    /** Its SHA-256 is set as felix.webconsole.password in test.bndrun, as the launcher does. */
    static final String PASSWORD = "itest-console-password";

    @InjectBundleContext
    BundleContext context;

    @Test
    void refusesMissingAndWrongCredentials() throws Exception {
        String console = Http.baseUrl(context) + "system/console/bundles";
        awaitConsole(console);
        assertThat(Http.get(console).statusCode()).isEqualTo(401);
        assertThat(Http.get(console, "admin", "admin").statusCode()).isEqualTo(401);
        assertThat(Http.get(console, "admin", PASSWORD + "x").statusCode()).isEqualTo(401);
        assertThat(Http.get(console, "root", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void acceptsTheConfiguredCredentials() throws Exception {
        String console = Http.baseUrl(context) + "system/console/bundles";
        awaitConsole(console);
        var response = Http.get(console, "admin", PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("org.hotcog.bot.core");
    }

    private static void awaitConsole(String url) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (Http.get(url).statusCode() == 404 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
    }
}
