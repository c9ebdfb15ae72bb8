package org.hotcog.itest.jar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad value stops start-up at once, with the key, the expected form and a non-zero status; so does a port in use,
 * whether before the start or when the web server opens it.
 */
class ConfigurationErrorTest {
    @TempDir
    Path dir;

    @Test
    void badEnvironmentValueNamesTheKey() throws Exception {
        HotcogProcess hotcog = new HotcogProcess(dir).env("HOTCOG_HTTP_PORT", "eighty").start();
        assertThat(hotcog.awaitExit()).isEqualTo(2);
        assertThat(hotcog.output())
                .contains("http.port (HOTCOG_HTTP_PORT) is \"eighty\"")
                .contains("a whole number from 1 to 65535")
                .doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("data"))).as("nothing was created").isFalse();
    }

    @Test
    void badFileValueAndUnknownKeyAreBothReported() throws Exception {
        Files.writeString(dir.resolve("hotcog.properties"), "database.url=mysql://db\nhttp.hots=1\n");
        HotcogProcess hotcog = new HotcogProcess(dir).start();
        assertThat(hotcog.awaitExit()).isEqualTo(2);
        assertThat(hotcog.output())
                .contains("database.url (HOTCOG_DATABASE_URL) is \"mysql://db\"")
                .contains("unknown key http.hots");
    }

    @Test
    void portInUseIsAPlainMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HotcogProcess hotcog = new HotcogProcess(dir)
                    .env("HOTCOG_HTTP_PORT", Integer.toString(taken.getLocalPort())).start();
            assertThat(hotcog.awaitExit()).isEqualTo(3);
            assertThat(hotcog.output())
                    .contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    /**
     * A port that is taken by the time the web server opens it (here: a -D on the command line, which wins over the
     * configuration, names one in use) stops Hotcog with a plain message, instead of leaving a bot nobody can reach.
     */
    @Test
    void aPortTheWebServerCannotOpenStopsHotcog() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HotcogProcess hotcog = new HotcogProcess(dir)
                    .env("JAVA_TOOL_OPTIONS", "-Dorg.osgi.service.http.port=" + taken.getLocalPort()).start();
            assertThat(hotcog.awaitExit()).as(hotcog.output()).isEqualTo(3);
            assertThat(hotcog.output()).contains("hotcog: the web server could not open its port");
        }
    }
}
