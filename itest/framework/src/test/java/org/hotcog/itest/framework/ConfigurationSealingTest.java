package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Dictionary;
import java.util.Hashtable;

import org.hotcog.api.secrets.SecretBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * A secret that a module declares as a password in its metatype is kept sealed in the stored
 * configuration, whether it was saved after the module started or before it was installed; other
 * values, empty secrets and secrets sealed already are left as they are.
 */
class ConfigurationSealingTest {
    static final String PLAIN = "ptlc_EXAMPLEexample0123456789";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    ConfigurationAdmin configurationAdmin;

    @InjectService(timeout = 20_000)
    SecretBox secrets;

    private Bundle declaring;

    @AfterEach
    void uninstall() throws Exception {
        if (declaring != null) {
            declaring.uninstall();
        }
        Configuration[] left = configurationAdmin.listConfigurations("(service.factoryPid=org.hotcog.itest.sealed*)");
        for (Configuration configuration : left == null ? new Configuration[0] : left) {
            configuration.delete();
        }
    }

    @Test
    void secretSavedAfterTheModuleStartsIsSealed() throws Exception {
        declaring = install("org.hotcog.itest.sealed.after", "org.hotcog.itest.sealed.after");
        Configuration configuration = save("org.hotcog.itest.sealed.after", "one", PLAIN, "visible");

        String stored = awaitSealed(configuration);
        assertThat(secrets.open(stored)).isEqualTo(PLAIN);
        assertThat(configuration.getProperties().get("name")).isEqualTo("visible");
    }

    @Test
    void secretSavedBeforeTheModuleIsInstalledIsSealedWhenItStarts() throws Exception {
        Configuration configuration = save("org.hotcog.itest.sealed.before", "one", PLAIN, "visible");
        Thread.sleep(500);
        assertThat(configuration.getProperties().get(".token")).as("no metatype yet").isEqualTo(PLAIN);

        declaring = install("org.hotcog.itest.sealed.before", "org.hotcog.itest.sealed.before");
        assertThat(secrets.open(awaitSealed(configuration))).isEqualTo(PLAIN);
    }

    /** A bundle that does not import the secrets API could not open a sealed value: its passwords stay as saved. */
    @Test
    void aBundleThatCannotOpenSecretsKeepsItsPasswordsPlain() throws Exception {
        String pid = "org.hotcog.itest.sealed.foreign";
        declaring = context.installBundle("itest:" + pid, TestBundles.declaringSecret(pid, "1.0.0", pid, false));
        declaring.start();
        Configuration foreign = save(pid, "one", PLAIN, "visible");
        // Events reach the listener in order: once a module's later save is sealed, the one above was seen.
        Bundle module = install("org.hotcog.itest.sealed.barrier", "org.hotcog.itest.sealed.barrier");
        try {
            awaitSealed(save("org.hotcog.itest.sealed.barrier", "barrier", PLAIN, "b"));
        } finally {
            module.uninstall();
        }
        assertThat(foreign.getProperties().get(".token")).isEqualTo(PLAIN);
    }

    /**
     * The sealer reads a bundle's metatype when the framework tells it, later and on its own thread, that the bundle
     * started. By then the bundle may be in its next update: reading it unresolved made the framework resolve it on
     * that thread, and Felix broke the lock cycle with the updating thread by failing the update.
     */
    @Test
    void updatesOneAfterAnotherAreNotBrokenByTheSealer() throws Exception {
        String pid = "org.hotcog.itest.sealed.updated";
        declaring = context.installBundle("itest:" + pid, TestBundles.declaringSecret(pid, "1.0.0", pid, true));
        declaring.start();
        for (int update = 1; update <= 40; update++) {
            declaring.update(TestBundles.declaringSecret(pid, "1.0." + update, pid, true));
        }
        assertThat(declaring.getState()).isEqualTo(Bundle.ACTIVE);
        assertThat(declaring.getVersion().toString()).isEqualTo("1.0.40");
    }

    @Test
    void sealedAndEmptySecretsAreLeftAlone() throws Exception {
        declaring = install("org.hotcog.itest.sealed.kept", "org.hotcog.itest.sealed.kept");
        String sealedBefore = secrets.seal(PLAIN);
        Configuration alreadySealed = save("org.hotcog.itest.sealed.kept", "sealed", sealedBefore, "a");
        Configuration empty = save("org.hotcog.itest.sealed.kept", "empty", "", "b");
        long sealedChanges = alreadySealed.getChangeCount();
        long emptyChanges = empty.getChangeCount();

        // Events reach the listener in order: once this later save is sealed, the two above were seen.
        awaitSealed(save("org.hotcog.itest.sealed.kept", "barrier", PLAIN, "c"));

        assertThat(alreadySealed.getProperties().get(".token")).isEqualTo(sealedBefore);
        assertThat(alreadySealed.getChangeCount()).isEqualTo(sealedChanges);
        assertThat(empty.getProperties().get(".token")).isEqualTo("");
        assertThat(empty.getChangeCount()).isEqualTo(emptyChanges);
    }

    private Bundle install(String symbolicName, String factoryPid) throws Exception {
        Bundle bundle = context.installBundle("memory:" + symbolicName,
                TestBundles.declaringSecret(symbolicName, factoryPid));
        bundle.start();
        return bundle;
    }

    private Configuration save(String factoryPid, String name, String token, String visible) throws Exception {
        Configuration configuration = configurationAdmin.getFactoryConfiguration(factoryPid, name, "?");
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(".token", token);
        properties.put("name", visible);
        configuration.update(properties);
        return configuration;
    }

    private String awaitSealed(Configuration configuration) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        String token = (String) configuration.getProperties().get(".token");
        while (!secrets.isSealed(token) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            token = (String) configuration.getProperties().get(".token");
        }
        assertThat(secrets.isSealed(token)).as("sealed: %s", SecretBox.redact(token)).isTrue();
        return token;
    }
}
