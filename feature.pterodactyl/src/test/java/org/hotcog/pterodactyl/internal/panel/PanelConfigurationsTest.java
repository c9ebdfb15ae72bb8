package org.hotcog.pterodactyl.internal.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

import org.hotcog.api.secrets.SecretBox;
import org.hotcog.api.secrets.UnreadableSecretException;
import org.hotcog.emulator.pterodactyl.LocalPanel;
import org.hotcog.emulator.pterodactyl.PanelServer;
import org.hotcog.emulator.pterodactyl.ServerLimits;
import org.hotcog.pterodactyl.internal.client.PanelClient;
import org.hotcog.pterodactyl.internal.panel.PanelState.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Panel configurations as the registry takes them: checked by field, keys accepted plain or sealed, a wrong change
 * leaving the running panel alone, a re-sealed key changing nothing, a valid change checked against the local panel.
 */
class PanelConfigurationsTest {
    /** Seals by encoding: enough to tell the two stored forms apart here (bot.core's box encrypts). */
    private static final SecretBox BOX = new SecretBox() {
        @Override
        public String seal(String plaintext) {
            return "hsec1:" + Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String open(String sealed) {
            if (!isSealed(sealed)) {
                throw new UnreadableSecretException(UnreadableSecretException.Reason.NOT_SEALED, "not sealed");
            }
            try {
                return new String(Base64.getDecoder().decode(sealed.substring(6)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new UnreadableSecretException(UnreadableSecretException.Reason.TAMPERED, "altered");
            }
        }

        @Override
        public boolean isSealed(String text) {
            return text != null && text.startsWith("hsec1:");
        }
    };

    private LocalPanel local;
    private PanelServer survival;
    private String key;
    private PanelRegistry registry;

    @BeforeEach
    void start() {
        local = LocalPanel.start();
        survival = local.addServer("Survival", ServerLimits.of(4096, 20480, 200));
        key = local.createClientKey(survival);
        registry = new PanelRegistry(new PanelClient.Settings(Duration.ofSeconds(2), 1, Duration.ofSeconds(2),
                Duration.ofSeconds(30)));
    }

    @AfterEach
    void stop() {
        registry.deactivate();
        local.close();
    }

    private static PanelConfig config(String name, String url, String clientKey, String applicationKey,
            String... guilds) {
        return new PanelConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PanelConfig.class;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String url() {
                return url;
            }

            @Override
            public String _clientKey() {
                return clientKey;
            }

            @Override
            public String _applicationKey() {
                return applicationKey;
            }

            @Override
            public String[] guilds() {
                return guilds;
            }
        };
    }

    private void apply(String pid, PanelConfig config) {
        try {
            registry.configure(pid, PanelSettings.of(config, BOX));
        } catch (PanelSettings.Invalid e) {
            registry.reject(pid, config.name(), e.problems());
        }
    }

    private PanelState state(String pid) {
        return registry.states().stream().filter(s -> s.pid().equals(pid)).findFirst().orElseThrow();
    }

    private static <T> T await(Supplier<T> value, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T current = value.get();
        while (!done.test(current) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            current = value.get();
        }
        return current;
    }

    @Test
    void reportsEveryWrongFieldWithoutRepeatingAKey() {
        assertThatThrownBy(() -> PanelSettings.of(config("Main Panel", "panel.example.com", "ptla_secretsecretsecret1",
                "nope-secret-value", "12x"), BOX)).isInstanceOfSatisfying(PanelSettings.Invalid.class, e -> {
                    assertThat(e.problems()).hasSize(5);
                    assertThat(e.problems().get(0)).startsWith("name: ");
                    assertThat(e.problems().get(1)).startsWith("url: ");
                    assertThat(e.problems().get(2)).startsWith("clientKey: expected a key starting with ptlc_");
                    assertThat(e.problems().get(3)).startsWith("applicationKey: expected a key starting with ptla_");
                    assertThat(e.problems().get(4)).startsWith("guilds: \"12x\"");
                    assertThat(e.getMessage()).doesNotContain("secretsecret", "nope-secret");
                });
        assertThatThrownBy(() -> PanelSettings.of(config("main", local.url(), BOX.seal(key) + "x", null), BOX))
                .hasMessage("clientKey: the stored key cannot be opened (TAMPERED): enter the key again; "
                        + "guilds: name at least one guild that may use the panel");
    }

    @Test
    void takesPlainAndSealedKeysAlikeAndKeepsThePanelWhenTheKeyIsSealedInPlace() throws Exception {
        apply("p1", config("main", local.url(), key, "", "42"));
        Panel first = registry.byName("main").orElseThrow();
        assertThat(await(() -> state("p1").status(), s -> s == Status.ACTIVE)).isEqualTo(Status.ACTIVE);
        assertThat(registry.forGuild(42)).containsExactly(first);
        assertThat(registry.forGuild(43)).isEmpty();
        assertThat(first.settings().toString()).doesNotContain(key).contains("ptlc_…");

        long requests = local.requests(key);
        apply("p1", config("main", local.url(), BOX.seal(key), "", "42"));
        assertThat(registry.byName("main").orElseThrow()).isSameAs(first);
        assertThat(local.requests(key)).as("no new check for the same settings").isEqualTo(requests);
    }

    @Test
    void aWrongChangeLeavesTheRunningPanelAndAValidOneReplacesItAfterItsCheck() throws Exception {
        apply("p1", config("main", local.url(), key, "", "42"));
        Panel first = registry.byName("main").orElseThrow();

        apply("p1", config("main", "ftp://elsewhere", key, "", "42"));
        assertThat(state("p1").status()).isEqualTo(Status.INVALID);
        assertThat(state("p1").problems()).singleElement().asString().startsWith("url: ");
        assertThat(state("p1").running()).isTrue();
        assertThat(registry.byName("main").orElseThrow()).isSameAs(first);

        String revoked = local.createClientKey(survival);
        local.revokeKey(revoked);
        apply("p1", config("main", local.url(), revoked, "", "42"));
        assertThat(await(() -> state("p1").status(), s -> s == Status.INVALID)).isEqualTo(Status.INVALID);
        assertThat(state("p1").problems()).containsExactly("clientKey: the panel refused the key");
        assertThat(registry.byName("main").orElseThrow()).isSameAs(first);

        String other = local.createClientKey(survival);
        apply("p1", config("main", local.url(), other, "", "42", "43"));
        assertThat(await(() -> registry.byName("main").orElseThrow(), p -> p != first).settings().guilds())
                .containsExactlyInAnyOrder(42L, 43L);
        assertThat(await(() -> state("p1").status(), s -> s == Status.ACTIVE)).isEqualTo(Status.ACTIVE);

        apply("p2", config("main", local.url(), key, "", "44"));
        assertThat(state("p2").problems()).singleElement().asString().startsWith("name: \"main\" is the name of another");
        assertThat(registry.forGuild(44)).isEmpty();

        registry.remove("p1");
        assertThat(registry.byName("main")).isEmpty();
        assertThat(registry.states()).extracting(PanelState::pid).containsExactly("p2");
    }

    @Test
    void aFirstConfigurationOfAPanelThatIsDownIsUsedAndReportedUnreachable() throws Exception {
        String url = local.url();
        local.close();
        apply("p1", config("main", url, key, "", "42"));
        assertThat(registry.byName("main")).isPresent();
        assertThat(await(() -> state("p1").status(), s -> s == Status.UNREACHABLE)).isEqualTo(Status.UNREACHABLE);
        assertThat(state("p1").problems()).singleElement().asString().startsWith("url: the panel did not answer");
        assertThat(List.of(state("p1").running())).containsExactly(true);
    }
}
