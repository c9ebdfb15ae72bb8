package org.hotcog.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Starts the OSGi framework from the bundles packed into the executable jar.
 *
 * <p>The bundle list and framework properties come from {@code launcher.properties}, which the bnd
 * export writes from {@code runtime.bndrun}. Framework storage is kept in the data folder, so
 * bundles installed or updated at runtime, and their started or stopped state, survive a restart.
 * A packed bundle is installed once and updated only when the jar brings different bytes (its
 * CRC and size in the jar differ from the ones recorded at the last install), so an ordinary start
 * reads no bundle at all.
 */
public final class FrameworkLauncher {
    /** Framework property: this launcher announces when it has started every bundle. */
    static final String ANNOUNCES_PROPERTY = "hotcog.startup.announced";
    /** Service property of the marker registered once every bundle was started. */
    static final String STARTED_PROPERTY = "hotcog.startup";
    private static final String LAUNCHER_PROPERTIES = "launcher.properties";
    /** Launcher property: symbolic names of the bundles to install (and so start) first. */
    private static final String EARLY = "hotcog.launch.early";
    /** Launcher property: symbolic name of the bundle that serves HTTP on the configured port. */
    private static final String WEB_SERVER = "hotcog.launch.webserver";
    /** Service property of the HTTP runtime, set once its server listens (OSGi HTTP Whiteboard). */
    private static final String HTTP_ENDPOINT = "osgi.http.endpoint";
    /** Exit status when the web server could not open its port; {@link HotcogMain} says so. */
    static final int EXIT_PORT_IN_USE = HotcogMain.EXIT_PORT_IN_USE;
    /** Where the bundle location to "crc:size" of what was installed from the jar is recorded. */
    private static final String INSTALLED_FILE = "installed-from-jar.properties";

    private final Path jar;
    private final Path dataDir;
    private final ServerSocket heldPort;

    FrameworkLauncher(Path jar, Path dataDir, ServerSocket heldPort) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.heldPort = heldPort;
    }

    /**
     * Entry point, called reflectively by {@link HotcogMain} through the {@link Runpath} class loader.
     *
     * @param heldPort the HTTP port, bound by the caller and closed here the moment the web server starts
     * @return the process exit status once the framework has stopped
     */
    public static int launch(Path jar, Path dataDir, ServerSocket heldPort) throws Exception {
        return new FrameworkLauncher(jar, dataDir, heldPort).run();
    }

    private int run() throws Exception {
        try (JarFile packed = new JarFile(jar.toFile())) {
            Properties launch = new Properties();
            try (InputStream in = packed.getInputStream(packed.getEntry(LAUNCHER_PROPERTIES))) {
                launch.load(in);
            }
            ClassLoader runpath = FrameworkLauncher.class.getClassLoader();
            Thread.currentThread().setContextClassLoader(runpath);
            FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, runpath).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no OSGi framework packed in " + jar));
            Framework framework = factory.newFramework(frameworkProperties(launch));
            framework.init();
            List<Bundle> installed = new ArrayList<>();
            List<Bundle> packedBundles = installOrUpdate(framework.getBundleContext(), packed,
                    earlyFirst(packed, List.of(launch.getProperty("launch.bundles", "").split(",")),
                            List.of(launch.getProperty(EARLY, "").split("\\s*,\\s*"))), installed);
            markToStart(installed);
            String webServer = launch.getProperty(WEB_SERVER, "");
            SynchronousBundleListener portHandOver = event -> {
                if (event.getType() == BundleEvent.STARTING && webServer.equals(event.getBundle().getSymbolicName())) {
                    releasePort();
                }
            };
            framework.getBundleContext().addBundleListener(portHandOver);
            framework.start();
            framework.getBundleContext().removeBundleListener(portHandOver);
            releasePort();
            if (webServerHasNoEndpoint(framework.getBundleContext(), webServer)) {
                stop(framework);
                return EXIT_PORT_IN_USE;
            }
            reportNotStarted(packedBundles);
            // Resolve what nothing started (bundles an operator stopped), so that their state reads
            // RESOLVED, as before the restart, and a bundle that cannot resolve shows at once.
            framework.adapt(FrameworkWiring.class).resolveBundles(null);
            announceStarted(framework);
            StartupMemory.releaseWhenStarted();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(framework), "hotcog-shutdown"));
            framework.waitForStop(0);
            return 0;
        }
    }

    /**
     * Marks the packed bundles installed by this start to be started: before the framework starts, a start only
     * records that (the bundles start with the framework, in the order of their ids, with the ones kept from earlier
     * starts that were not stopped). So every bundle about to start reads as persistently started to those that start
     * before it: the core opens its Discord connection with the gateway intents the listeners of all of them will
     * need, instead of reconnecting for them a few seconds later. A packed bundle an operator stopped is not marked
     * again: it stays stopped over restarts, as a bundle installed at runtime does.
     */
    private static void markToStart(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException reportedLater) {
                    // reportNotStarted tries again once the framework runs, and says why
                }
            }
        }
    }

    /**
     * Starts again, to report why, each packed bundle that should run and does not: the framework only logs such a
     * failure as an event. One broken bundle must not keep the rest (and the console to repair it) down.
     */
    private static void reportNotStarted(List<Bundle> bundles) {
        for (Bundle bundle : bundles) {
            boolean shouldRun = bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null
                    && bundle.adapt(BundleStartLevel.class).isPersistentlyStarted();
            if (shouldRun && (bundle.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0) {
                try {
                    bundle.start(Bundle.START_ACTIVATION_POLICY);
                } catch (BundleException e) {
                    System.err.println("hotcog: bundle " + bundle.getSymbolicName() + " did not start: "
                            + e.getMessage());
                }
            }
        }
    }

    /**
     * The packed bundles with those named in {@value #EARLY} first. The framework starts bundles in
     * the order of their ids, which the first install gives out: installing the bundles the Discord
     * connection needs first lets JDA's handshake wait on the network while the rest starts.
     */
    private static List<String> earlyFirst(JarFile packed, List<String> locations, List<String> early)
            throws IOException {
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String location : locations) {
            try (JarInputStream bundle = new JarInputStream(packed.getInputStream(packed.getEntry(location)))) {
                String name = bundle.getManifest().getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
                (name != null && early.contains(name.split(";")[0].trim()) ? first : rest).add(location);
            }
        }
        first.addAll(rest);
        return first;
    }

    /**
     * Closes the held HTTP port: called on the thread that is about to start the web server, so nothing else can take
     * the port in between.
     */
    private void releasePort() {
        try {
            heldPort.close();
        } catch (IOException e) {
            // closing a server socket that accepted nothing does not fail in practice, and the bind will report it
        }
    }

    /**
     * Whether the web server bundle started but its server does not listen: Felix HTTP logs the failed bind and stays
     * active without connectors, which would leave a bot that nobody can reach or manage; the launcher stops instead.
     */
    static boolean webServerHasNoEndpoint(BundleContext context, String webServer) {
        for (Bundle bundle : context.getBundles()) {
            if (webServer.equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                ServiceReference<?>[] services = bundle.getRegisteredServices();
                return services == null
                        || Arrays.stream(services).noneMatch(service -> service.getProperty(HTTP_ENDPOINT) != null);
            }
        }
        return false;
    }

    private static void stop(Framework framework) {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
        } catch (BundleException | InterruptedException e) {
            System.err.println("hotcog: the framework did not stop cleanly: " + e);
        }
    }

    /**
     * Tells the core that every packed bundle was started: a marker service (property {@value #STARTED_PROPERTY}),
     * which the core's command sync waits for, so that the commands of all modules go to Discord in one write. The
     * framework property {@value #ANNOUNCES_PROPERTY} says the marker will come (other launchers give none).
     */
    private static void announceStarted(Framework framework) {
        Hashtable<String, Object> marker = new Hashtable<>();
        marker.put(STARTED_PROPERTY, "complete");
        framework.getBundleContext().registerService(Object.class.getName(), new Object(), marker);
    }

    private Map<String, String> frameworkProperties(Properties launch) {
        Map<String, String> properties = new HashMap<>();
        properties.put(ANNOUNCES_PROPERTY, "true");
        for (String key : launch.stringPropertyNames()) {
            if (!key.startsWith("launch.")) {
                properties.put(key, launch.getProperty(key));
            }
        }
        // The framework exports its own org.osgi packages; add only what the class path brings (SLF4J).
        String extra = List.of(launch.getProperty("launch.system.packages", "").split(",(?=[a-z])")).stream()
                .filter(p -> !p.isBlank() && !p.startsWith("org.osgi."))
                .collect(Collectors.joining(","));
        properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, extra);
        String capabilities = launch.getProperty("launch.system.capabilities", "");
        if (!capabilities.isBlank()) {
            properties.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA, capabilities);
        }
        properties.put(Constants.FRAMEWORK_STORAGE, dataDir.resolve("osgi").toString());
        properties.put(Constants.FRAMEWORK_BUNDLE_PARENT, Constants.FRAMEWORK_BUNDLE_PARENT_FRAMEWORK);
        return properties;
    }

    /** Brings the framework's bundles in line with the packed ones; adds the ones installed now to {@code installed}. */
    private List<Bundle> installOrUpdate(BundleContext context, JarFile packed, List<String> locations,
            List<Bundle> installed) throws IOException, BundleException, InterruptedException {
        Path recordFile = dataDir.resolve(INSTALLED_FILE);
        Properties record = new Properties();
        if (Files.exists(recordFile)) {
            try (InputStream in = Files.newInputStream(recordFile)) {
                record.load(in);
            }
        }
        List<Bundle> bundles = new ArrayList<>();
        List<Bundle> updated = new ArrayList<>();
        for (String location : locations) {
            ZipEntry entry = packed.getEntry(location);
            String fingerprint = Long.toHexString(entry.getCrc()) + ":" + entry.getSize();
            Bundle bundle = context.getBundle(location);
            if (bundle == null) {
                try (InputStream in = packed.getInputStream(entry)) {
                    bundle = context.installBundle(location, in);
                }
                installed.add(bundle);
            } else if (!fingerprint.equals(record.getProperty(location))) {
                try (InputStream in = packed.getInputStream(entry)) {
                    bundle.update(in);
                }
                updated.add(bundle);
            }
            record.setProperty(location, fingerprint);
            bundles.add(bundle);
        }
        // A bundle the previous jar packed and this one does not is part of the runtime no more.
        for (String location : record.stringPropertyNames()) {
            if (!locations.contains(location)) {
                Bundle gone = context.getBundle(location);
                if (gone != null) {
                    gone.uninstall();
                    updated.add(gone);
                }
                record.remove(location);
            }
        }
        if (!updated.isEmpty()) {
            CountDownLatch refreshed = new CountDownLatch(1);
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(updated, event -> refreshed.countDown());
            refreshed.await();
        }
        try (OutputStream out = Files.newOutputStream(recordFile)) {
            record.store(out, "Bundles installed from the executable jar: location = crc:size");
        }
        return bundles;
    }
}
