package org.hotcog.core.internal.modules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

import org.hotcog.api.module.ModuleHeaders;
import org.hotcog.core.internal.audit.AuditLog;
import org.hotcog.core.internal.auth.AdminConfig;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change to the installed modules goes through here, whoever asks: REST, the owner
 * commands, the console's Hotcog tab. One change at a time.
 *
 * <p>The promise to operators is that a change never leaves the bot worse than before. A jar that
 * would not resolve is refused before anything changes: the resolver tries it as a trial bundle
 * beside the running modules, never started, then removed. An update whose bundle does not start or
 * whose components fail to activate is replaced by the previous version at once; a failed install
 * is uninstalled. Core bundles, which keep the bot itself running, cannot be stopped or removed.
 */
@Component(service = ModuleManager.class, configurationPid = AdminConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class ModuleManager {
    /** Largest jar accepted for install or update. */
    public static final long MAX_JAR_BYTES = 64L * 1024 * 1024;
    /** Bundle location of modules installed through the manager. */
    static final String LOCATION_PREFIX = "hotcog:module:";
    /** Bundle location of a jar the resolver tries before it is installed or replaces a module. */
    private static final String TRIAL_LOCATION_PREFIX = "hotcog:trial:";
    private static final long REFRESH_TIMEOUT_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(ModuleManager.class);

    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final ModuleStore store;
    private final ComponentCheck components;
    private final ModuleDirectory directory;
    private final AuditLog audit;
    private final Path incoming;
    private final Object oneChangeAtATime = new Object();

    @Activate
    public ModuleManager(BundleContext context, AdminConfig config, @Reference ServiceComponentRuntime scr,
            @Reference ModuleDirectory directory, @Reference AuditLog audit) throws IOException {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        Path root = Path.of(config.dataDir()).resolve("modules");
        this.store = new ModuleStore(root);
        this.incoming = Files.createDirectories(root.resolve(".incoming"));
        this.components = new ComponentCheck(context, scr);
        this.directory = directory;
        this.audit = audit;
        // A trial lives for one request; one still here is left from a process that died during it.
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getLocation().startsWith(TRIAL_LOCATION_PREFIX)) {
                uninstallQuietly(bundle);
            }
        }
    }

    /** The identity a jar's manifest claims. */
    public record JarIdentity(String symbolicName, String version, String module) {
    }

    /**
     * Copies an upload to a temporary file, refusing it (in the audit log too) when it says or turns
     * out to be larger than {@link #MAX_JAR_BYTES}. The caller deletes the file.
     *
     * @param declaredLength the Content-Length the client sent, or -1
     * @param action what the upload is for, such as {@code install}, for the audit log
     */
    public Path receive(InputStream upload, long declaredLength, String actor, String action)
            throws IOException, ModuleException {
        if (declaredLength > MAX_JAR_BYTES) {
            throw refused(actor, action, tooLarge());
        }
        Path file = Files.createTempFile(incoming, "upload-", ".jar");
        try (InputStream in = upload; var out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > MAX_JAR_BYTES) {
                    throw refused(actor, action, tooLarge());
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | ModuleException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return file;
    }

    private static ModuleException tooLarge() {
        return new ModuleException(ModuleException.Reason.TOO_LARGE,
                "the jar is larger than " + MAX_JAR_BYTES / (1024 * 1024) + " MiB");
    }

    /** Reads a jar's manifest: it must be an OSGi bundle with a symbolic name. */
    public static JarIdentity inspect(Path jar) throws ModuleException {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (ZipException e) {
            throw new ModuleException(ModuleException.Reason.INVALID_JAR, "the upload is not a jar (zip) file");
        } catch (IOException e) {
            throw new ModuleException(ModuleException.Reason.INVALID_JAR, "the jar cannot be read: " + e.getMessage());
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (name == null || name.isBlank()) {
            throw new ModuleException(ModuleException.Reason.INVALID_JAR,
                    "the jar is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
        }
        String version = manifest.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
        try {
            version = Version.parseVersion(version).toString();
        } catch (IllegalArgumentException e) {
            throw new ModuleException(ModuleException.Reason.INVALID_JAR,
                    "the bundle's Bundle-Version \"" + version + "\" is not an OSGi version");
        }
        return new JarIdentity(name.split(";")[0].trim(), version,
                manifest.getMainAttributes().getValue(ModuleHeaders.MODULE));
    }

    /** {@link #inspect(Path)}, with a refusal recorded in the audit log. */
    private JarIdentity inspectFor(Path jar, String actor, String action) throws ModuleException {
        try {
            return inspect(jar);
        } catch (ModuleException e) {
            throw refused(actor, action, e);
        }
    }

    public ModuleInfo install(Path jar, String actor) throws ModuleException {
        synchronized (oneChangeAtATime) {
            JarIdentity identity = inspectFor(jar, actor, "install");
            String action = "install " + identity.symbolicName() + " " + identity.version();
            Optional<Bundle> same = Arrays.stream(context.getBundles())
                    .filter(b -> identity.symbolicName().equals(b.getSymbolicName())).findFirst();
            if (same.isPresent()) {
                throw refused(actor, action, new ModuleException(ModuleException.Reason.CONFLICT,
                        identity.symbolicName() + " is installed already (module id " + same.get().getBundleId()
                                + "); update it instead"));
            }
            Optional<ModuleException> unresolved = tryResolving(jar, identity.symbolicName());
            if (unresolved.isPresent()) {
                throw refused(actor, action, unresolved.get());
            }
            Bundle bundle;
            try {
                bundle = installAt(LOCATION_PREFIX + identity.symbolicName(), jar);
            } catch (IOException | BundleException e) {
                throw refused(actor, action, frameworkRefused(e));
            }
            Optional<ModuleException> failure = startAndCheck(bundle, true);
            if (failure.isPresent()) {
                uninstallQuietly(bundle);
                throw refused(actor, action, failure.get());
            }
            try {
                store.advance(identity.symbolicName(), jar, identity.version());
            } catch (IOException e) {
                LOG.warn("{} is installed, but its jar could not be kept for rollbacks: {}",
                        identity.symbolicName(), e.toString());
            }
            audit.record(actor, action, identity.symbolicName(), "ok", null);
            return describe(bundle);
        }
    }

    public ModuleInfo update(long id, Path jar, String actor) throws ModuleException {
        synchronized (oneChangeAtATime) {
            Bundle bundle = manageable(id, actor, "update");
            JarIdentity identity = inspectFor(jar, actor, "update " + bundle.getSymbolicName());
            String from = bundle.getVersion().toString();
            String action = "update " + bundle.getSymbolicName() + " " + from + " to " + identity.version();
            if (!identity.symbolicName().equals(bundle.getSymbolicName())) {
                throw refused(actor, action, new ModuleException(ModuleException.Reason.CONFLICT, "the jar is "
                        + identity.symbolicName() + ", but module " + id + " is " + bundle.getSymbolicName()));
            }
            Optional<ModuleException> unresolved = tryResolving(jar, identity.symbolicName());
            if (unresolved.isPresent()) {
                throw refused(actor, action, unresolved.get());
            }
            try {
                keepRunningVersion(bundle);
                store.advance(bundle.getSymbolicName(), jar, identity.version());
            } catch (IOException e) {
                throw refused(actor, action, new ModuleException(ModuleException.Reason.CONFLICT,
                        "the running version could not be kept for a rollback, so nothing was changed: " + e));
            }
            boolean running = isRunning(bundle);
            Optional<ModuleException> failure = replace(bundle, jar, running);
            if (failure.isPresent()) {
                throw rollBack(bundle, running, from, actor, action, failure.get(), true);
            }
            audit.record(actor, action, bundle.getSymbolicName(), "ok", null);
            return describe(bundle);
        }
    }

    /** Goes back to the version before the last update; a second rollback goes forward again. */
    public ModuleInfo rollback(long id, String actor) throws ModuleException {
        synchronized (oneChangeAtATime) {
            Bundle bundle = manageable(id, actor, "rollback");
            String name = bundle.getSymbolicName();
            String from = bundle.getVersion().toString();
            ModuleStore.StoredJar previous;
            try {
                keepRunningVersion(bundle);
                previous = store.previous(name).orElse(null);
            } catch (IOException e) {
                previous = null;
            }
            if (previous == null) {
                throw refused(actor, "rollback " + name, new ModuleException(ModuleException.Reason.CONFLICT,
                        name + " has no previous version to roll back to"));
            }
            String action = "rollback " + name + " " + from + " to " + previous.version();
            boolean running = isRunning(bundle);
            Optional<ModuleException> failure = replace(bundle, previous.file(), running);
            if (failure.isPresent()) {
                throw rollBack(bundle, running, from, actor, action, failure.get(), false);
            }
            try {
                store.swap(name);
            } catch (IOException e) {
                LOG.warn("Rolled {} back, but could not record it for the next rollback: {}", name, e.toString());
            }
            audit.record(actor, action, name, "ok", null);
            return describe(bundle);
        }
    }

    /** The operations that need no jar: {@code start}, {@code stop}, {@code reload} or {@code rollback}. */
    public ModuleInfo operate(String operation, long id, String actor) throws ModuleException {
        return switch (operation) {
            case "start" -> start(id, actor);
            case "stop" -> stop(id, actor);
            case "reload" -> reload(id, actor);
            case "rollback" -> rollback(id, actor);
            default -> throw new ModuleException(ModuleException.Reason.NOT_FOUND, "no module operation " + operation);
        };
    }

    public ModuleInfo start(long id, String actor) throws ModuleException {
        return change(id, actor, "start", bundle -> startOrStayStopped(bundle));
    }

    public ModuleInfo stop(long id, String actor) throws ModuleException {
        return change(id, actor, "stop", bundle -> attempt(bundle::stop, "the bundle did not stop cleanly"));
    }

    /** Stops the module, drops its class loader, and starts it afresh. */
    public ModuleInfo reload(long id, String actor) throws ModuleException {
        return change(id, actor, "reload", bundle -> attempt(() -> {
            bundle.stop(Bundle.STOP_TRANSIENT);
            refresh(bundle);
        }, "the bundle did not stop cleanly").or(() -> startOrStayStopped(bundle)));
    }

    public void uninstall(long id, String actor) throws ModuleException {
        change(id, actor, "uninstall", bundle -> {
            String name = bundle.getSymbolicName();
            return attempt(() -> {
                bundle.uninstall();
                refresh(bundle);
                store.forget(name);
            }, "uninstalling failed");
        });
    }

    /** One step of a simple change; returns its failure, having put the bundle back as it was. */
    private interface Step {
        Optional<ModuleException> apply(Bundle bundle);
    }

    private interface FrameworkCall {
        void run() throws BundleException, IOException;
    }

    private ModuleInfo change(long id, String actor, String verb, Step step) throws ModuleException {
        synchronized (oneChangeAtATime) {
            Bundle bundle = manageable(id, actor, verb);
            String name = bundle.getSymbolicName();
            String action = verb + " " + name + " " + bundle.getVersion();
            Optional<ModuleException> failure = step.apply(bundle);
            if (failure.isPresent()) {
                throw failed(actor, action, failure.get());
            }
            audit.record(actor, action, name, "ok", null);
            return bundle.getState() == Bundle.UNINSTALLED ? null : describe(bundle);
        }
    }

    private static Optional<ModuleException> attempt(FrameworkCall call, String whatFailed) {
        try {
            call.run();
            return Optional.empty();
        } catch (BundleException | IOException | IllegalStateException e) {
            return Optional.of(new ModuleException(ModuleException.Reason.FAILED, whatFailed + ": " + e.getMessage()));
        }
    }

    private Optional<ModuleException> startOrStayStopped(Bundle bundle) {
        Optional<ModuleException> failure = startAndCheck(bundle, false);
        failure.ifPresent(f -> stopQuietly(bundle));
        return failure;
    }

    /** The version a rollback of this bundle would go back to, or null. */
    public String previousVersion(Bundle bundle) {
        try {
            return store.previous(bundle.getSymbolicName()).map(ModuleStore.StoredJar::version).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Components of the bundle that failed or wait for something. */
    public List<String> problems(Bundle bundle) {
        List<String> problems = new ArrayList<>(components.failures(bundle));
        problems.addAll(components.waiting(bundle));
        return problems;
    }

    /** The bundle, if an operator may change it: a module, not a core bundle. */
    private Bundle manageable(long id, String actor, String verb) throws ModuleException {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new ModuleException(ModuleException.Reason.NOT_FOUND, "no module with id " + id);
        }
        if (!isModule(bundle)) {
            throw refused(actor, verb + " " + bundle.getSymbolicName(), new ModuleException(
                    ModuleException.Reason.PROTECTED, bundle.getSymbolicName() + " is part of the core, which "
                            + "keeps the bot running; it cannot be changed while the bot runs"));
        }
        return bundle;
    }

    /** A module is what an operator installed: through Hotcog, or any bundle that declares a module name. */
    public static boolean isModule(Bundle bundle) {
        return isModule(bundle, bundle.getHeaders("").get(ModuleHeaders.MODULE));
    }

    /** {@link #isModule(Bundle)} when the bundle's module header was read already. */
    static boolean isModule(Bundle bundle, String moduleHeader) {
        return bundle.getBundleId() != 0 && (bundle.getLocation().startsWith(LOCATION_PREFIX) || moduleHeader != null);
    }

    /** The running version's jar must be in the store before it is replaced, or a rollback would have nothing. */
    private void keepRunningVersion(Bundle bundle) throws IOException {
        String version = bundle.getVersion().toString();
        Optional<ModuleStore.StoredJar> current = store.current(bundle.getSymbolicName());
        if (current.isPresent() && current.get().version().equals(version)) {
            return;
        }
        Path snapshot = Files.createTempFile(incoming, "running-", ".jar");
        try {
            ModuleStore.snapshot(bundle, snapshot);
            store.advance(bundle.getSymbolicName(), snapshot, version);
        } finally {
            Files.deleteIfExists(snapshot);
        }
    }

    private static boolean isRunning(Bundle bundle) {
        return bundle.getState() == Bundle.ACTIVE || bundle.getState() == Bundle.STARTING;
    }

    /** Puts another jar in place of the running one and brings it up (started, or only resolved). */
    private Optional<ModuleException> replace(Bundle bundle, Path jar, boolean start) {
        try (InputStream in = Files.newInputStream(jar)) {
            bundle.update(in);
            refresh(bundle);
        } catch (IOException | BundleException e) {
            return Optional.of(new ModuleException(ModuleException.Reason.FAILED,
                    "the framework refused the jar: " + e.getMessage()));
        }
        return start ? startAndCheck(bundle, false) : resolveOnly(bundle);
    }

    /** Undoes a failed update or rollback by putting the version that ran before back. */
    private ModuleException rollBack(Bundle bundle, boolean wasRunning, String runningVersion, String actor,
            String action, ModuleException failure, boolean forgetNewest) {
        String name = bundle.getSymbolicName();
        Optional<ModuleStore.StoredJar> back;
        try {
            back = forgetNewest ? store.previous(name) : store.current(name);
        } catch (IOException e) {
            back = Optional.empty();
        }
        Optional<ModuleException> again = back.isPresent() ? replace(bundle, back.get().file(), wasRunning)
                : Optional.of(new ModuleException(ModuleException.Reason.FAILED, "its jar is gone"));
        if (forgetNewest) {
            try {
                store.retreat(name);
            } catch (IOException e) {
                LOG.warn("Could not drop the failed jar of {} from the store: {}", name, e.toString());
            }
        }
        String message = failure.getMessage() + (again.isEmpty() ? "; version " + runningVersion + " runs again"
                : "; putting version " + runningVersion + " back failed too: " + again.get().getMessage());
        LOG.error("{} {}: {}", actor, action, message);
        audit.record(actor, action, name, again.isEmpty() ? "rolled-back" : "failed", message);
        return new ModuleException(failure.reason(), message);
    }

    private Bundle installAt(String location, Path jar) throws IOException, BundleException {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(location, in);
        }
    }

    private static ModuleException frameworkRefused(Exception e) {
        return new ModuleException(ModuleException.Reason.INVALID_JAR, "the framework refused the bundle: "
                + e.getMessage());
    }

    /**
     * Asks the resolver about a jar before it is installed or replaces a module, so that a refusal
     * leaves the running version untouched: the jar is installed beside the modules as a trial
     * bundle, resolved alone (never started, so none of its components run), and removed again.
     *
     * <p>Some jars cannot be tried beside the running version; for them this says nothing, and the
     * resolution check after the swap (with its rollback) stays the safety net. The framework
     * refuses a second bundle with the same symbolic name and version (Felix's default
     * {@code org.osgi.framework.bsnversion=managed}); only one singleton of a name resolves at a
     * time; and a fragment would attach to its host, which removing it again would refresh.
     *
     * @return the refusal naming the unmet requirements, or empty
     */
    private Optional<ModuleException> tryResolving(Path jar, String symbolicName) {
        Bundle trial;
        try {
            trial = installAt(TRIAL_LOCATION_PREFIX + symbolicName, jar);
        } catch (BundleException e) {
            return e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR ? Optional.empty()
                    : Optional.of(frameworkRefused(e));
        } catch (IOException e) {
            return Optional.of(frameworkRefused(e));
        }
        try {
            return cannotBeTried(trial) ? Optional.empty() : resolveOnly(trial);
        } finally {
            uninstallQuietly(trial);
        }
    }

    private static boolean cannotBeTried(Bundle trial) {
        BundleRevision revision = trial.adapt(BundleRevision.class);
        return (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0
                || revision.getDeclaredCapabilities(IdentityNamespace.IDENTITY_NAMESPACE).stream().anyMatch(identity ->
                        "true".equals(identity.getDirectives().get(IdentityNamespace.CAPABILITY_SINGLETON_DIRECTIVE)));
    }

    private Optional<ModuleException> resolveOnly(Bundle bundle) {
        if (!wiring.resolveBundles(List.of(bundle))) {
            return Optional.of(new ModuleException(ModuleException.Reason.UNRESOLVED, unresolved(bundle)));
        }
        return Optional.empty();
    }

    private Optional<ModuleException> startAndCheck(Bundle bundle, boolean firstStart) {
        Optional<ModuleException> unresolved = resolveOnly(bundle);
        if (unresolved.isPresent()) {
            return unresolved;
        }
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            return Optional.of(new ModuleException(ModuleException.Reason.FAILED,
                    "the bundle did not start: " + e.getMessage()));
        }
        List<String> failures = components.failures(bundle);
        if (!failures.isEmpty()) {
            return Optional.of(new ModuleException(ModuleException.Reason.FAILED, String.join("; ", failures)));
        }
        List<String> waiting = components.waiting(bundle);
        if (!waiting.isEmpty()) {
            LOG.warn("{} started{}, but not all its components run: {}", bundle.getSymbolicName(),
                    firstStart ? " for the first time" : "", String.join("; ", waiting));
        }
        return Optional.empty();
    }

    /** Names the requirements no installed bundle can meet; the resolver's words when all have a provider. */
    private String unresolved(Bundle bundle) {
        List<String> unmet = new ArrayList<>();
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        for (BundleRequirement requirement : revision == null ? List.<BundleRequirement>of()
                : revision.getDeclaredRequirements(null)) {
            var directives = requirement.getDirectives();
            if (Namespace.RESOLUTION_OPTIONAL.equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || "dynamic".equals(directives.get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                    || !Namespace.EFFECTIVE_RESOLVE.equals(directives.getOrDefault(
                            Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE, Namespace.EFFECTIVE_RESOLVE))) {
                continue;
            }
            if (wiring.findProviders(requirement).isEmpty()) {
                unmet.add(requirement.getNamespace() + " " + directives.get(Namespace.REQUIREMENT_FILTER_DIRECTIVE));
            }
        }
        if (!unmet.isEmpty()) {
            return bundle.getSymbolicName() + " " + bundle.getVersion() + " does not resolve; unmet requirements: "
                    + String.join(", ", unmet);
        }
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return bundle.getSymbolicName() + " does not resolve";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }

    private void refresh(Bundle bundle) throws BundleException {
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> done.countDown());
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new BundleException("the framework did not finish refreshing within "
                        + REFRESH_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while refreshing");
        }
    }

    private void uninstallQuietly(Bundle bundle) {
        try {
            bundle.uninstall();
            refresh(bundle);
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not remove {} (installed at {}) again: {}", bundle.getSymbolicName(), bundle.getLocation(),
                    e.getMessage());
        }
    }

    private void stopQuietly(Bundle bundle) {
        try {
            bundle.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("Could not stop {} after it failed: {}", bundle.getSymbolicName(), e.getMessage());
        }
    }

    private ModuleException refused(String actor, String action, ModuleException e) {
        audit.record(actor, action, null, "refused", e.getMessage());
        return e;
    }

    private ModuleException failed(String actor, String action, ModuleException e) {
        audit.record(actor, action, null, "failed", e.getMessage());
        return e;
    }

    private ModuleInfo describe(Bundle bundle) {
        return directory.find(bundle.getBundleId()).orElseThrow();
    }
}
