package org.hotcog.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** The launcher's check after start: a web server bundle that is active without a listening server fails it. */
class WebServerCheckTest {
    private static final String WEB_SERVER = "org.example.web.server";

    @TempDir
    Path storage;
    private Framework framework;
    private BundleContext context;

    @BeforeEach
    void startFramework() throws Exception {
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString()));
        framework.start();
        context = framework.getBundleContext();
    }

    @AfterEach
    void stopFramework() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void anActiveWebServerWithoutAnEndpointFails() throws Exception {
        Bundle server = context.installBundle("web-server", bundle(WEB_SERVER));
        server.start();
        assertThat(FrameworkLauncher.webServerHasNoEndpoint(context, WEB_SERVER)).isTrue();

        Hashtable<String, Object> runtime = new Hashtable<>();
        runtime.put("osgi.http.endpoint", "http://127.0.0.1:8080/");
        server.getBundleContext().registerService(Object.class, new Object(), runtime);
        assertThat(FrameworkLauncher.webServerHasNoEndpoint(context, WEB_SERVER)).as("listening").isFalse();
    }

    @Test
    void aWebServerThatIsNotActiveIsNotJudged() throws Exception {
        assertThat(FrameworkLauncher.webServerHasNoEndpoint(context, WEB_SERVER)).as("not installed").isFalse();
        context.installBundle("web-server", bundle(WEB_SERVER));
        assertThat(FrameworkLauncher.webServerHasNoEndpoint(context, WEB_SERVER)).as("stopped by an operator")
                .isFalse();
    }

    @Test
    void anEndpointOfAnotherBundleDoesNotCount() throws Exception {
        context.installBundle("web-server", bundle(WEB_SERVER)).start();
        Bundle other = context.installBundle("other", bundle("org.example.other"));
        other.start();
        Hashtable<String, Object> runtime = new Hashtable<>();
        runtime.put("osgi.http.endpoint", "http://127.0.0.1:9090/");
        other.getBundleContext().registerService(Object.class, new Object(), runtime);
        assertThat(FrameworkLauncher.webServerHasNoEndpoint(context, WEB_SERVER)).isTrue();
    }

    private static ByteArrayInputStream bundle(String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        main.putValue(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JarOutputStream(bytes, manifest).close();
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
