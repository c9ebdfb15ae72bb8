package org.hotcog.core.internal.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which bundles get their passwords sealed: those whose Import-Package names the secrets API. */
class ConfigurationSealerTest {
    @Test
    void theSecretsPackageAnywhereInTheHeaderCounts() {
        assertThat(ConfigurationSealer.importsSecretsApi("org.hotcog.api.secrets;version=\"[1.0,2)\"")).isTrue();
        assertThat(ConfigurationSealer.importsSecretsApi(
                "org.hotcog.api.jobs;version=\"[1.0,2)\",org.hotcog.api.secrets;version=\"[1.0,2)\",org.slf4j"))
                .isTrue();
        assertThat(ConfigurationSealer.importsSecretsApi("org.slf4j, org.hotcog.api.secrets")).isTrue();
    }

    @Test
    void otherPackagesAndNoHeaderDoNot() {
        assertThat(ConfigurationSealer.importsSecretsApi(null)).isFalse();
        assertThat(ConfigurationSealer.importsSecretsApi("org.osgi.framework;version=\"[1.10,2)\"")).isFalse();
        assertThat(ConfigurationSealer.importsSecretsApi("org.hotcog.api.secrets.extra,org.example.org.hotcog.api.secrets"))
                .isFalse();
    }
}
