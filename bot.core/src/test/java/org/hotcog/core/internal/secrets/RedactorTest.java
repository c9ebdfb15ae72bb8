package org.hotcog.core.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Secrets in their redacted form, as SecretBox.redact writes it: a key's prefix and last four, or dots. */
class RedactorTest {
    @Test
    void configuredSecretsAreMaskedAsTheyAreNow() {
        AtomicReference<String> token = new AtomicReference<>("MTIz.discord-token.abc");
        Redactor redactor = new Redactor(() -> Stream.of(token.get(), "", null));

        assertThat(redactor.redact("login failed for MTIz.discord-token.abc, twice: MTIz.discord-token.abc"))
                .isEqualTo("login failed for ….abc, twice: ….abc");
        token.set("a-new-token-after-a-reload");
        assertThat(redactor.redact("a-new-token-after-a-reload and MTIz.discord-token.abc"))
                .isEqualTo("…load and MTIz.discord-token.abc");
        assertThat(redactor.redact(null)).isNull();
    }

    @Test
    void openedSecretsAreMaskedFromThenOnButNotWordsTooShortToBeKeys() {
        Redactor redactor = new Redactor(Stream::empty);
        assertThat(redactor.redact("401 for key ptlc_abcdef123456")).isEqualTo("401 for key ptlc_abcdef123456");

        redactor.remember("ptlc_abcdef123456");
        redactor.remember("admin");

        assertThat(redactor.redact("401 for key ptlc_abcdef123456 as admin"))
                .isEqualTo("401 for key •••• as admin");
    }

    @Test
    void theSecretBoxTellsWhatItOpens() {
        Redactor redactor = new Redactor(Stream::empty);
        SecretBoxImpl box = new SecretBoxImpl(new byte[32], redactor);

        String sealed = box.seal("sk-provider-key-0123456789");
        assertThat(redactor.redact("sk-provider-key-0123456789")).as("sealed, not opened yet")
                .isEqualTo("sk-provider-key-0123456789");
        box.open(sealed);
        assertThat(redactor.redact("refused sk-provider-key-0123456789")).isEqualTo("refused sk-…6789");
    }
}
