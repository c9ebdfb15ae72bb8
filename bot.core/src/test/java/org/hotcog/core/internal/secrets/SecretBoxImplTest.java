package org.hotcog.core.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.api.secrets.UnreadableSecretException;
import org.hotcog.api.secrets.UnreadableSecretException.Reason;
import org.hotcog.core.internal.settings.InvalidSettingsException;
import org.hotcog.core.internal.settings.OwnerOnlyFile;
import org.hotcog.core.internal.settings.Settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxImplTest {
    private static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 7));
    private static final String PANEL_KEY = "ptlc_Zx8yW7vU6tS5rQ4pO3nM2lK1jI0hG9fE8dC7";

    @TempDir
    Path dataDir;

    private static byte[] bytes(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private SecretBoxImpl box(String configuredKey) throws IOException {
        return new SecretBoxImpl(SecretKeyFile.resolve(configuredKey, dataDir), new Redactor(Stream::empty));
    }

    @Test
    void sealedTextOpensToTheSecretAndHidesIt() throws Exception {
        SecretBoxImpl box = box(KEY);
        String sealed = box.seal(PANEL_KEY);
        assertThat(sealed).startsWith("hsec1:").doesNotContain("ptlc").matches("[\\x21-\\x7e]+");
        assertThat(box.isSealed(sealed)).isTrue();
        assertThat(box.isSealed(PANEL_KEY)).isFalse();
        assertThat(box.open(sealed)).isEqualTo(PANEL_KEY);
        assertThat(box.open(box.seal("ünïcødé ✓"))).isEqualTo("ünïcødé ✓");
    }

    @Test
    void eachSealUsesAFreshNonce() throws Exception {
        SecretBoxImpl box = box(KEY);
        assertThat(box.seal(PANEL_KEY)).isNotEqualTo(box.seal(PANEL_KEY));
    }

    @Test
    void anotherKeyIsReportedAsSuch() throws Exception {
        String sealed = box(KEY).seal(PANEL_KEY);
        SecretBoxImpl other = new SecretBoxImpl(bytes(32, 8), new Redactor(Stream::empty));
        assertThatThrownBy(() -> other.open(sealed)).isInstanceOfSatisfying(UnreadableSecretException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.OTHER_KEY))
                .hasMessageContaining("sealed with another key").hasMessageContaining("HOTCOG_SECRET_KEY")
                .message().doesNotContain(PANEL_KEY).doesNotContain(sealed);
    }

    @Test
    void anyChangedCharacterMakesTheTextUnreadableNeverWrong() throws Exception {
        SecretBoxImpl box = box(KEY);
        String sealed = box.seal(PANEL_KEY);
        int body = sealed.lastIndexOf(':') + 1;
        for (int i = body; i < sealed.length(); i++) {
            char flipped = sealed.charAt(i) == 'A' ? 'B' : 'A';
            String altered = sealed.substring(0, i) + flipped + sealed.substring(i + 1);
            assertThatThrownBy(() -> box.open(altered)).isInstanceOfSatisfying(UnreadableSecretException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
        }
        assertThatThrownBy(() -> box.open(sealed.substring(0, sealed.length() - 5)))
                .isInstanceOf(UnreadableSecretException.class);
        assertThatThrownBy(() -> box.open(sealed.substring(0, body) + "!!!")).isInstanceOfSatisfying(
                UnreadableSecretException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TAMPERED));
    }

    @Test
    void theVersionAndKeyIdAreAuthenticated() throws Exception {
        SecretBoxImpl box = box(KEY);
        String sealed = box.seal(PANEL_KEY);
        assertThatThrownBy(() -> box.open("hsec2" + sealed.substring(5))).isInstanceOfSatisfying(
                UnreadableSecretException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_SEALED));
        assertThatThrownBy(() -> box.open(PANEL_KEY)).isInstanceOfSatisfying(UnreadableSecretException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_SEALED)).message().doesNotContain(PANEL_KEY);
    }

    @Test
    void emptyOrHugeSecretsAreRefused() throws Exception {
        SecretBoxImpl box = box(KEY);
        assertThatThrownBy(() -> box.seal("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.seal(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> box.seal("x".repeat(SecretBox.MAX_SECRET_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceOwnerOnly() throws Exception {
        String sealed = box("").seal(PANEL_KEY);
        Path file = dataDir.resolve(SecretKeyFile.FILE_NAME);
        assertThat(file).exists();
        if (OwnerOnlyFile.isPosix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(box("").open(sealed)).isEqualTo(PANEL_KEY);
        assertThat(Files.list(dataDir)).containsExactly(file);
    }

    @Test
    void aDamagedKeyFileStopsTheBoxInsteadOfBeingReplaced() throws Exception {
        Path file = dataDir.resolve(SecretKeyFile.FILE_NAME);
        Files.writeString(file, "not a key\n");
        assertThatThrownBy(() -> box("")).isInstanceOf(IOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("secret.key");
        assertThat(Files.readString(file)).isEqualTo("not a key\n");
    }

    @Test
    void aConfiguredKeyWinsOverTheFileAndMayBeUrlSafe() throws Exception {
        String sealed = box("").seal(PANEL_KEY);
        String fileKey = Files.readString(dataDir.resolve(SecretKeyFile.FILE_NAME)).trim();
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(Base64.getDecoder().decode(fileKey));
        assertThat(box(urlSafe).open(sealed)).isEqualTo(PANEL_KEY);
        assertThatThrownBy(() -> box(KEY).open(sealed)).isInstanceOf(UnreadableSecretException.class);
    }

    @Test
    void aBadKeySettingStopsStartUpNamingTheKeyButNotTheValue() {
        String bad = "c2hvcnQga2V5";
        assertThatThrownBy(() -> Settings.load(dataDir.resolve("none"), java.util.Map.of("HOTCOG_SECRET_KEY", bad)))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("secret.key (HOTCOG_SECRET_KEY) is invalid")
                .hasMessageContaining("openssl rand -base64 32").message().doesNotContain(bad);
    }

    @Test
    void redactShowsATypePrefixAndTheLastFourOfLongSecretsOnly() {
        assertThat(SecretBox.redact(PANEL_KEY)).isEqualTo("ptlc_…8dC7");
        assertThat(SecretBox.redact("ptla_short")).isEqualTo("••••");
        assertThat(SecretBox.redact("0123456789abcdefghijXYZW")).isEqualTo("…XYZW");
        assertThat(SecretBox.redact(null)).isEqualTo("••••");
        assertThat(SecretBox.redactIn("401 for key " + PANEL_KEY + ".", PANEL_KEY))
                .isEqualTo("401 for key ptlc_…8dC7.");
    }
}
