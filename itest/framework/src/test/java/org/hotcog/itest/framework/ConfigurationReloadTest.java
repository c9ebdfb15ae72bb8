package org.hotcog.itest.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * The configuration file reaches components through ConfigAdmin while the bot runs; an edit that
 * breaks it is ignored and the last valid configuration stays.
 */
class ConfigurationReloadTest {
    static final String STORAGE_PID = "org.hotcog.core.storage";

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 20_000)
    ConfigurationAdmin configurationAdmin;

    private Path file() {
        return Path.of(context.getProperty("hotcog.config.file"));
    }

    @AfterEach
    void restoreDefaults() throws Exception {
        Files.writeString(file(), "");
        awaitPoolSize(10);
    }

    @Test
    void editAppliesWithoutRestartAndBadEditIsIgnored() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "database.pool.size=4\n");
        assertThat(awaitPoolSize(4)).isEqualTo(4);

        Files.writeString(file(), "database.pool.size=0\n");
        Thread.sleep(1_000);
        assertThat(poolSize()).as("invalid edit ignored").isEqualTo(4);
    }

    private int awaitPoolSize(int expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        int size = poolSize();
        while (size != expected && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            size = poolSize();
        }
        return size;
    }

    private int poolSize() throws Exception {
        Configuration[] configurations = configurationAdmin.listConfigurations("(service.pid=" + STORAGE_PID + ")");
        return configurations == null ? -1 : (Integer) configurations[0].getProperties().get("poolSize");
    }
}
