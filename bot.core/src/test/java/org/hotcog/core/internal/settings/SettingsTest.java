package org.hotcog.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void defaultsWorkWithoutFileOrEnvironment() throws Exception {
        Settings settings = Settings.load(dir.resolve("absent.properties"), Map.of());
        assertThat(settings.get(Settings.HTTP_HOST)).isEqualTo("127.0.0.1");
        assertThat(settings.getInt(Settings.HTTP_PORT)).isEqualTo(8080);
        assertThat(settings.databaseUrl()).startsWith("jdbc:h2:file:").contains("hotcog");
    }

    @Test
    void environmentOverridesFile() throws Exception {
        Path file = write("http.port=9000\nhttp.host=0.0.0.0\n");
        Settings settings = Settings.load(file, Map.of("HOTCOG_HTTP_PORT", "9100"));
        assertThat(settings.getInt(Settings.HTTP_PORT)).isEqualTo(9100);
        assertThat(settings.get(Settings.HTTP_HOST)).isEqualTo("0.0.0.0");
    }

    @Test
    void badValueNamesKeyVariableAndExpectedForm() {
        assertThatThrownBy(() -> Settings.load(dir.resolve("none"), Map.of("HOTCOG_HTTP_PORT", "eighty")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("http.port (HOTCOG_HTTP_PORT) is \"eighty\"")
                .hasMessageContaining("a whole number from 1 to 65535");
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path file = write("http.port=0\ndatabase.url=mysql://x\nhttp.prot=1\n");
        assertThatThrownBy(() -> Settings.load(file, Map.of()))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.problems())
                        .anyMatch(p -> p.startsWith("http.port"))
                        .anyMatch(p -> p.startsWith("database.url"))
                        .anyMatch(p -> p.startsWith("unknown key http.prot")));
    }

    @Test
    void secretValuesAreNeverRepeatedInErrors() {
        assertThatThrownBy(() -> Settings.load(dir.resolve("none"), Map.of("HOTCOG_CONSOLE_PASSWORD", "short-pw")))
                .hasMessageContaining("console.password (HOTCOG_CONSOLE_PASSWORD) is invalid")
                .hasMessageNotContaining("short-pw");
    }

    @Test
    void namedConfigFileMustExist() {
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> Settings.load(missing, Map.of("HOTCOG_CONFIG", missing.toString())))
                .hasMessageContaining("HOTCOG_CONFIG names " + missing);
    }

    @Test
    void environmentVariableNamesFollowKeys() {
        assertThat(Settings.DATABASE_POOL_SIZE.environmentVariable()).isEqualTo("HOTCOG_DATABASE_POOL_SIZE");
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("hotcog.properties");
        Files.writeString(file, content);
        return file;
    }
}
